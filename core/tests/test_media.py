"""Uploaded files are served with their own type, never as HTML or script."""

import pytest


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n rest")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4 rest")
    (tmp_path / "evil.html").write_text("<script>alert(1)</script>")
    (tmp_path / "evil.svg").write_text("<svg onload='alert(1)'></svg>")
    return tmp_path


def test_images_and_pdfs_are_served_with_their_type_and_no_sniffing(client, media):
    response = client.get("/media/photo.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    pdf = client.get("/media/report.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == 'inline; filename="report.pdf"'


@pytest.mark.parametrize(
    "path",
    [
        "/media/evil.html",
        "/media/evil.svg",
        "/media/../settings.py",
        "/media/%2e%2e/etc/passwd",
        "/media/missing.png",
    ],
)
def test_anything_else_is_not_found(client, media, path):
    assert client.get(path).status_code == 404


def test_uploads_cannot_be_posted_to(client, media):
    assert client.post("/media/photo.png").status_code == 405
