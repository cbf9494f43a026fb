import pytest


@pytest.fixture
def private_dir():
    """A folder for a private PostgreSQL server.

    Not under pytest's tmp_path: that lives in a root-only folder, and as root the
    embedded server runs as a system user of its own, which must reach its data.
    """
    import shutil
    import tempfile
    from pathlib import Path

    base = Path(__file__).resolve().parents[1] / "var" / "tmp"
    base.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp(dir=base))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)
