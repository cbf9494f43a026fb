import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

from knowledge import validators
from knowledge.tests.files import PDF, PNG


@pytest.mark.parametrize(
    "orcid", ["0000-0002-1825-0097", "0000-0001-5109-3700", "https://orcid.org/0000-0002-1694-233X"]
)
def test_valid_orcids_pass(orcid):
    validators.validate_orcid(orcid)


@pytest.mark.parametrize(
    ("orcid", "code"),
    [
        ("0000-0002-1825-0098", "orcid_checksum"),
        ("0000-0002-1825-009", "orcid_format"),
        ("0000000218250097", "orcid_format"),
        ("abcd-0002-1825-0097", "orcid_format"),
    ],
)
def test_invalid_orcids_are_refused_with_a_reason(orcid, code):
    with pytest.raises(ValidationError) as error:
        validators.validate_orcid(orcid)
    assert error.value.code == code


def test_orcid_checksum_matches_the_orcid_specification_example():
    assert validators.orcid_checksum("000000021825009") == "7"
    assert validators.orcid_checksum("000000021694233") == "X"


@pytest.mark.parametrize("isbn", ["978-91-86725-01-3", "9789186725990", "0-306-40615-2"])
def test_valid_isbns_pass(isbn):
    assert validators.isbn_is_valid(isbn)


@pytest.mark.parametrize("isbn", ["978-91-86725-01-4", "0-306-40615-3", "12345", "97891867250AB"])
def test_invalid_isbns_fail(isbn):
    assert not validators.isbn_is_valid(isbn)
    with pytest.raises(ValidationError):
        validators.validate_isbn(isbn)


def test_doi_accepts_the_bare_form_and_the_resolver_url():
    validators.validate_doi("10.5281/zenodo.1234567")
    validators.validate_doi("https://doi.org/10.5281/zenodo.1234567")
    with pytest.raises(ValidationError):
        validators.validate_doi("zenodo.1234567")


def test_a_real_pdf_is_accepted():
    validators.validate_pdf(SimpleUploadedFile("report.pdf", PDF, "application/pdf"))


def test_html_named_pdf_is_refused_whatever_the_browser_claims():
    upload = SimpleUploadedFile("report.pdf", b"<html><script>alert(1)</script>", "application/pdf")
    with pytest.raises(ValidationError) as error:
        validators.validate_pdf(upload)
    assert error.value.code == "not_pdf"


def test_an_oversized_pdf_is_refused(monkeypatch):
    monkeypatch.setattr(validators, "PDF_MAX_BYTES", 100)
    upload = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * 200, "application/pdf")
    with pytest.raises(ValidationError) as error:
        validators.validate_pdf(upload)
    assert error.value.code == "file_too_large"


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError):
        validators.validate_pdf(SimpleUploadedFile("e.pdf", b"", "application/pdf"))


def test_cover_images_are_checked_by_content():
    validators.validate_image(SimpleUploadedFile("c.png", PNG, "image/png"))
    validators.validate_image(
        SimpleUploadedFile("c.jpg", b"\xff\xd8\xff\xe0" + b"0" * 20, "image/jpeg")
    )
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    with pytest.raises(ValidationError):
        validators.validate_image(SimpleUploadedFile("c.png", svg, "image/png"))


@given(st.text(max_size=30))
def test_identifier_validators_never_crash(value):
    for validate in (validators.validate_orcid, validators.validate_isbn, validators.validate_doi):
        try:
            validate(value)
        except ValidationError:
            pass
    assert validators.isbn_is_valid("²" * 13) is False
