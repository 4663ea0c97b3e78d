"""Tesseract's TSV (one row per page, block, paragraph, line and word) into an OcrResult: the
page text with each word's span, box and confidence, its ghost duplicates dropped."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Word

DOUBTFUL = 60.0  # a word Tesseract read with less confidence is worth a second look

_INT_COLUMNS = ("level", "page_num", "block_num", "par_num", "line_num", "word_num", "left", "top", "width", "height")


@dataclass
class OcrResult:
    text: str
    words: list[Word]
    confidence: float | None
    doubtful: list[tuple[int, int]] = field(default_factory=list)  # spans of words read below DOUBTFUL


def parse_tsv(tsv: str) -> dict[str, list]:
    """The TSV's columns by name (as `tesseract ... tsv` writes them, without the header)."""
    data: dict[str, list] = {name: [] for name in (*_INT_COLUMNS, "conf", "text")}
    ints = [data[name] for name in _INT_COLUMNS]
    confs, texts = data["conf"], data["text"]
    for row in tsv.splitlines():
        cells = row.split("\t")
        if len(cells) < 12:
            continue
        for column, cell in zip(ints, cells):
            column.append(int(cell))
        confs.append(int(float(cells[10])))  # whole numbers, as pytesseract gave them: the thresholds were tuned on those
        texts.append(cells[11])
    return data


def _kept_words(data: dict[str, list]) -> list[int]:
    """Indexes of real words, minus Tesseract's ghost duplicates: on tall lines (text beside a
    signature) the LSTM sometimes reads a word twice, with overlapping boxes. Two words cannot
    occupy the same ink, so of overlapping words on one line the more confident one stays."""
    by_line: dict[tuple, list[int]] = {}
    for i, raw in enumerate(data["text"]):
        if raw.strip() and float(data["conf"][i]) >= 0:
            key = (data["page_num"][i], data["block_num"][i], data["par_num"][i], data["line_num"][i])
            by_line.setdefault(key, []).append(i)
    kept: list[int] = []
    for members in by_line.values():
        ranked = sorted(members, key=lambda i: -float(data["conf"][i]))
        chosen: list[int] = []
        for i in ranked:
            if not any(_overlap(data, i, j) > 0.5 for j in chosen):
                chosen.append(i)
        kept.extend(sorted(chosen))
    return sorted(kept)


def _overlap(data: dict[str, list], i: int, j: int) -> float:
    """Overlapping area as a share of the smaller box."""
    ax0, ay0, aw, ah = data["left"][i], data["top"][i], data["width"][i], data["height"][i]
    bx0, by0, bw, bh = data["left"][j], data["top"][j], data["width"][j], data["height"][j]
    w = min(ax0 + aw, bx0 + bw) - max(ax0, bx0)
    h = min(ay0 + ah, by0 + bh) - max(ay0, by0)
    if w <= 0 or h <= 0:
        return 0.0
    return (w * h) / max(1, min(aw * ah, bw * bh))


def assemble(data: dict[str, list], width: int, height: int) -> OcrResult:
    """Join Tesseract's words into lines and paragraphs, keeping each word's span and box."""
    parts: list[str] = []
    words: list[Word] = []
    confs: list[float] = []
    doubtful: list[tuple[int, int]] = []
    pos = 0
    last_line = last_par = None
    for i in _kept_words(data):
        token = data["text"][i].strip()
        par = (data["page_num"][i], data["block_num"][i], data["par_num"][i])
        line = par + (data["line_num"][i],)
        if last_line is not None:
            sep = " " if line == last_line else ("\n" if par == last_par else "\n\n")
            parts.append(sep)
            pos += len(sep)
        left, top = data["left"][i], data["top"][i]
        box = (left / width, top / height, (left + data["width"][i]) / width, (top + data["height"][i]) / height)
        words.append((pos, pos + len(token), *(round(v, 5) for v in box)))
        parts.append(token)
        pos += len(token)
        confs.append(float(data["conf"][i]))
        if confs[-1] < DOUBTFUL:
            doubtful.append((pos - len(token), pos))
        last_line, last_par = line, par
    confidence = round(sum(confs) / len(confs), 1) if confs else None
    return OcrResult("".join(parts), words, confidence, doubtful)
