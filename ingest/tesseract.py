"""The one module that talks to Tesseract: its C library (libtesseract, on which the
`tesseract` command is built) called in-process through ctypes.

Each process loads an engine per language set once and reads every page with it: no process
started, no model loaded, no image written and decoded, per read (0.4 CPU s of a 1.2 s read).
The engine gets the page's raw pixels and gives back the same TSV as `tesseract ... tsv`.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import threading
import time
from ctypes import POINTER, c_char_p, c_float, c_int, c_void_p

from PIL import Image

from expediente.errors import OCRFailed, ToolMissing

from .ocr_words import DOUBTFUL, OcrResult, assemble, parse_tsv

__all__ = ["DOUBTFUL", "OcrResult", "check_tesseract", "ocr_image", "orientation"]

_INSTALL = "run `sudo apt-get install tesseract-ocr tesseract-ocr-spa tesseract-ocr-eng` and try again"
MIN_DPI, MAX_DPI = 70, 2400  # the resolutions Tesseract believes (its kMinCredibleResolution, kMax...)
_LSTM, _LEGACY = 3, 0  # engine modes: the default (LSTM where the language has it); OSD's classifier
_SIGNATURES = {
    "TessVersion": ([], c_char_p),
    "TessBaseAPICreate": ([], c_void_p),
    "TessBaseAPIDelete": ([c_void_p], None),
    "TessBaseAPIInit2": ([c_void_p, c_char_p, c_char_p, c_int], c_int),
    "TessBaseAPISetVariable": ([c_void_p, c_char_p, c_char_p], c_int),
    "TessBaseAPISetPageSegMode": ([c_void_p, c_int], None),
    "TessBaseAPISetImage": ([c_void_p, c_char_p, c_int, c_int, c_int, c_int], None),
    "TessBaseAPISetSourceResolution": ([c_void_p, c_int], None),
    "TessBaseAPIRecognize": ([c_void_p, c_void_p], c_int),
    "TessBaseAPIGetTsvText": ([c_void_p, c_int], c_void_p),
    "TessBaseAPIClear": ([c_void_p], None),
    "TessBaseAPIDetectOrientationScript": (
        [c_void_p, POINTER(c_int), POINTER(c_float), POINTER(c_char_p), POINTER(c_float)], c_int),
    "TessBaseAPIGetLoadedLanguagesAsVector": ([c_void_p], POINTER(c_char_p)),
    "TessBaseAPIGetAvailableLanguagesAsVector": ([c_void_p], POINTER(c_char_p)),
    "TessDeleteText": ([c_void_p], None),
    "TessDeleteTextArray": ([POINTER(c_char_p)], None),
    "TessMonitorCreate": ([], c_void_p),
    "TessMonitorDelete": ([c_void_p], None),
    "TessMonitorSetDeadlineMSecs": ([c_void_p, c_int], None),
}


@functools.cache
def _lib() -> ctypes.CDLL:
    """libtesseract, loaded on first use (after a worker has set OMP_THREAD_LIMIT)."""
    for name in (ctypes.util.find_library("tesseract"), "libtesseract.so.5"):
        try:
            lib = ctypes.CDLL(name) if name else None
        except OSError:
            continue
        if lib is not None:
            break
    else:
        raise ToolMissing(f"Tesseract's library (libtesseract) is not installed: {_INSTALL}")
    for fn, (args, result) in _SIGNATURES.items():
        getattr(lib, fn).argtypes, getattr(lib, fn).restype = args, result
    try:  # Leptonica's notes ("Error in boxClipToRectangle") went to the CLI's stderr, which we dropped
        lib.setMsgSeverity(6)  # L_SEVERITY_NONE, in the Leptonica that libtesseract links
    except AttributeError:
        pass
    return lib


class _Engine:
    """One TessBaseAPI with its languages loaded. Not thread-safe: one read at a time."""

    def __init__(self, lang: str, mode: int) -> None:
        self.lib, self.lock = _lib(), threading.Lock()
        self.handle = self.lib.TessBaseAPICreate()
        failed = self.lib.TessBaseAPIInit2(self.handle, None, lang.encode(), mode) != 0
        missing = sorted(set(lang.split("+")) - set(_strings(self.lib, self.lib.TessBaseAPIGetLoadedLanguagesAsVector(self.handle))))
        if failed or missing:
            self.close()
            packages = " ".join(f"tesseract-ocr-{code}" for code in missing or lang.split("+"))
            raise OCRFailed(f"Tesseract failed to load the language data {', '.join(missing) or lang}: "
                            f"run `sudo apt-get install {packages}`")
        self.lib.TessBaseAPISetVariable(self.handle, b"debug_file", b"/dev/null")  # "Estimating resolution..."

    def close(self) -> None:
        if self.handle:
            self.lib.TessBaseAPIDelete(self.handle)
            self.handle = None

    __del__ = close

    def load(self, image: Image.Image, psm: int, dpi: int | None = None) -> None:
        """The page's raw pixels, grey or RGB, as the engine's image (it copies them), and its
        resolution when known (else Tesseract assumes 70 dpi and estimates one from the text)."""
        if image.mode not in ("L", "RGB"):
            image = image.convert("L" if image.mode in ("1", "LA", "I", "I;16", "F") else "RGB")
        depth = len(image.mode)
        self.lib.TessBaseAPISetPageSegMode(self.handle, psm)
        self.lib.TessBaseAPISetImage(self.handle, image.tobytes(), image.width, image.height, depth, image.width * depth)
        if dpi and MIN_DPI <= dpi <= MAX_DPI:
            self.lib.TessBaseAPISetSourceResolution(self.handle, dpi)


@functools.lru_cache(maxsize=3)
def _engine(lang: str, mode: int = _LSTM) -> _Engine:
    return _Engine(lang, mode)


def _strings(lib: ctypes.CDLL, array) -> list[str]:  # type: ignore[no-untyped-def]
    """A NULL-terminated char** from the library, copied and freed."""
    out: list[str] = []
    if array:
        while array[len(out)] is not None:
            out.append(array[len(out)].decode())
        lib.TessDeleteTextArray(array)
    return out


def check_tesseract(lang: str) -> str:
    """Fail early with an install hint when Tesseract or a language pack is missing."""
    lib = _lib()
    probe = lib.TessBaseAPICreate()
    try:
        lib.TessBaseAPIInit2(probe, None, b"osd", _LEGACY)  # any init reveals the data folder's languages
        installed = set(_strings(lib, lib.TessBaseAPIGetAvailableLanguagesAsVector(probe)))
    finally:
        lib.TessBaseAPIDelete(probe)
    missing = [code for code in lang.split("+") if code not in installed]
    if missing:
        packages = " ".join(f"tesseract-ocr-{code}" for code in missing)
        raise ToolMissing(f"Tesseract language data missing ({', '.join(missing)}): run `sudo apt-get install {packages}`")
    return str(lib.TessVersion().decode())


def ocr_image(image: Image.Image, lang: str, timeout: float, psm: int = 3, dpi: int | None = None) -> OcrResult:
    """OCR one page image; words carry their boxes as fractions of the image. `psm`: Tesseract's
    page segmentation mode (3 a page, 6 a block of lines, 7 one line); `dpi`: the image's
    resolution when known (a page rendered at 300 dpi is read ~10% faster told so)."""
    if not image.width or not image.height:
        return OcrResult("", [], None)
    engine = _engine(lang)
    with engine.lock:
        engine.load(image, psm, dpi)
        try:
            tsv = _recognise(engine, timeout)
        finally:
            engine.lib.TessBaseAPIClear(engine.handle)
    return assemble(parse_tsv(tsv), *image.size)


def _recognise(engine: _Engine, timeout: float) -> str:
    """Recognise the loaded image within `timeout` seconds (the engine stops at the deadline);
    its words as TSV. An empty page is no error: it has no words."""
    lib = engine.lib
    monitor = lib.TessMonitorCreate()
    start = time.monotonic()
    try:
        lib.TessMonitorSetDeadlineMSecs(monitor, max(1, min(int(timeout * 1000), 2**31 - 1)))
        status = lib.TessBaseAPIRecognize(engine.handle, monitor)
    finally:
        lib.TessMonitorDelete(monitor)
    if time.monotonic() - start >= timeout:
        raise OCRFailed(f"OCR took longer than {timeout} s on a page: raise EXPEDIENTE_OCR_TIMEOUT and ingest again")
    if status != 0:
        raise OCRFailed(f"Tesseract failed (status {status}) on a page image: check the page opens in a viewer")
    text = lib.TessBaseAPIGetTsvText(engine.handle, 0)
    try:
        return ctypes.string_at(text).decode("utf-8", "replace") if text else ""
    finally:
        lib.TessDeleteText(text)


def orientation(image: Image.Image, timeout: float) -> int:
    """Degrees (0, 90, 180, 270) to rotate the image clockwise so its text reads upright;
    0 when Tesseract's orientation detection is unsure or finds too little text."""
    try:
        engine = _engine("osd", _LEGACY)
    except OCRFailed:
        return 0
    degrees, confidence, script, script_conf = c_int(), c_float(), c_char_p(), c_float()
    with engine.lock:
        engine.load(image, 0)
        found = engine.lib.TessBaseAPIDetectOrientationScript(
            engine.handle, ctypes.byref(degrees), ctypes.byref(confidence), ctypes.byref(script), ctypes.byref(script_conf))
        engine.lib.TessBaseAPIClear(engine.handle)
    if not found or confidence.value < 2.0:
        return 0
    return (360 - degrees.value) % 360  # the text's orientation (counter-clockwise) undone clockwise
