# consortium-kg: the `ckg` command and its Streamlit UI, installed from uv.lock.
#   docker build -t consortium-kg .
#   docker run --rm -p 127.0.0.1:8501:8501 consortium-kg          # UI on the embedded SQLite store
# With Neo4j beside it, use docker-compose.yml instead.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_NO_CACHE=1 \
    UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/app/.venv \
    STREAMLIT_SERVER_HEADLESS=true \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false

# uv from PyPI, like every other dependency; it installs exactly the versions in uv.lock.
RUN pip install "uv>=0.5"

RUN groupadd --system --gid 10001 ckg \
 && useradd --system --uid 10001 --gid ckg --create-home --home-dir /home/ckg --shell /usr/sbin/nologin ckg

WORKDIR /app

# Dependencies first, in their own layer: a code change does not reinstall them.
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project

COPY graph ./graph
COPY ingest ./ingest
COPY ui ./ui
COPY data ./data
RUN uv sync --frozen --no-dev

# The code stays root-owned and read-only for the app user; only the working directory itself is
# writable, for the embedded store's default database file.
RUN chown ckg:ckg /app
USER ckg

ENV PATH="/app/.venv/bin:${PATH}"
EXPOSE 8501
CMD ["ckg", "ui", "--host", "0.0.0.0", "--port", "8501"]
