# Expediente web UI / API and ingest worker.
#   docker build -t expediente .
#   docker run --rm -p 8000:8000 -v expediente-data:/data expediente
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    EXPEDIENTE_DATA_DIR=/data

# OCR: Tesseract with the Spanish and English models.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-spa tesseract-ocr-eng poppler-utils \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY expediente ./expediente
COPY ingest ./ingest
COPY search ./search
COPY archive ./archive
COPY web ./web
RUN pip install . && rm -rf /app/build

# Run unprivileged; /data is the volume that holds originals, the catalog and the index.
RUN useradd --system --uid 10001 --user-group --home-dir /data --no-create-home expediente \
 && mkdir -p /data /inbox \
 && chown expediente:expediente /data
USER expediente
VOLUME ["/data"]
WORKDIR /data

EXPOSE 8000
ENTRYPOINT ["expediente"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8000"]
