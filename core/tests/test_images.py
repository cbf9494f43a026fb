"""Images: checked by content, random names, renditions with srcset, shown only when public."""

import io
import re
from pathlib import Path

import pytest
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import translation
from PIL import Image as PILImage

from core import images
from core.models import Image
from partnerships.tests import factories

pytestmark = pytest.mark.django_db


def picture_bytes(size=(1600, 1000), image_format="JPEG", exif=None) -> bytes:
    buffer = io.BytesIO()
    picture = PILImage.new("RGB", size, (40, 120, 160))
    options = {"exif": exif} if exif is not None else {}
    picture.save(buffer, image_format, **options)
    return buffer.getvalue()


def upload(name="Semesterbild från Visby.jpg", content=None, **kwargs):
    return SimpleUploadedFile(name, content or picture_bytes(**kwargs), "image/jpeg")


def library_image(**texts) -> Image:
    texts = {"alt_sv": "Ett torg.", "alt_en": "A square.", **texts}
    return images.image_create(file=upload(), **texts)


def test_an_image_is_checked_by_its_content():
    images.validate_image_file(upload())  # a real JPEG passes
    cases = {
        "not_image": SimpleUploadedFile("photo.jpg", b"<script>alert(1)</script>"),
        "svg": SimpleUploadedFile(
            "logo.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>'
        ),
        "truncated": SimpleUploadedFile("cut.jpg", picture_bytes()[:2000]),
        "gif": SimpleUploadedFile("anim.jpg", picture_bytes((50, 50), "GIF")),
    }
    for name, file in cases.items():
        with pytest.raises(ValidationError) as error:
            images.validate_image_file(file)
        assert error.value.code == "not_image", name


def test_too_many_bytes_or_pixels_are_refused(monkeypatch):
    monkeypatch.setattr(images, "MAX_BYTES", 10_000)
    with pytest.raises(ValidationError) as error:
        images.validate_image_file(upload(content=b"x" * 20_000))
    assert error.value.code == "too_large"
    monkeypatch.undo()
    # A small file that unpacks to more pixels than the limit (a decompression bomb).
    bomb = io.BytesIO()
    PILImage.new("1", (9000, 5000)).save(bomb, "PNG")
    assert len(bomb.getvalue()) < 100_000
    with pytest.raises(ValidationError) as error:
        images.validate_image_file(SimpleUploadedFile("bomb.png", bomb.getvalue()))
    assert error.value.code == "too_many_pixels"


def test_an_upload_gets_a_random_name_and_its_renditions():
    image = library_image()
    assert re.fullmatch(r"images/[0-9a-f]{32}\.jpg", image.file.name)
    assert "Semester" not in image.file.name
    assert (image.width, image.height) == (1600, 1000)
    widths = [r.width for r in images.renditions(image)]
    assert widths == [320, 480, 640, 800, 960, 1280, 1600]
    for rendition in images.renditions(image):
        name = rendition.url.removeprefix("/media/")
        with PILImage.open(default_storage.path(name)) as stored:
            assert stored.format == "WEBP"
            assert stored.size == (rendition.width, rendition.height)
    with PILImage.open(default_storage.path(images.opengraph_name(image))) as card:
        assert card.size == (1200, 630)


def test_renditions_drop_the_camera_metadata():
    exif = PILImage.Exif()
    exif[0x010F] = "Camera maker"
    exif[0x0112] = 6  # taken turned a quarter
    image = images.image_create(
        file=upload(content=picture_bytes((1200, 800), exif=exif.tobytes())), alt_sv="Bild"
    )
    assert (image.width, image.height) == (800, 1200)  # shown upright
    name = images.rendition_name(image, 800)
    with PILImage.open(default_storage.path(name)) as stored:
        assert stored.size == (800, 1200)
        assert not stored.getexif()


def test_a_small_image_is_never_enlarged():
    image = images.image_create(file=upload(content=picture_bytes((500, 300))), alt_sv="Liten")
    assert [r.width for r in images.renditions(image)] == [320, 480, 500]


def test_alternative_text_is_required_unless_decorative():
    image = Image(file="images/x.jpg")
    with pytest.raises(ValidationError):
        image.full_clean(exclude=["file"])
    Image(file="images/x.jpg", is_decorative=True).full_clean(exclude=["file"])


def test_a_lead_image_needs_alt_text_in_each_language_of_the_content():
    swedish_only = library_image(alt_en="")
    story = factories.story(partnerships=[factories.partnership()])
    story.lead_image = swedish_only
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert "lead_image" in error.value.message_dict
    story.title_en = ""
    story.full_clean()  # a Swedish-only story needs the Swedish text only


def test_a_story_shows_its_lead_image_as_renditions(client):
    image = library_image()
    story = factories.story(partnerships=[factories.partnership()], lead_image=image)
    with translation.override("en"):
        response = client.get(story.get_absolute_url())
    html = response.text
    tag = re.search(r'<img src="[^"]+" srcset="[^"]+"[^>]*>', html).group(0)
    assert 'alt="A square."' in tag
    assert 'sizes="(min-width: 50rem) 48rem, calc(100vw - 2rem)"' in tag
    assert 'width="800" height="500"' in tag
    # Up to twice the widest it is shown (768 CSS pixels), never the original.
    assert "1280w" in tag and "1600w" not in tag and image.file.name not in html
    assert 'loading="lazy"' not in tag  # at the top of the page
    assert f"/media/renditions/{image.key.hex}/og.jpg" in html  # OpenGraph


def test_images_in_rich_text_become_renditions():
    image = library_image()
    template = Template("{% load portal %}{{ html|rich_text }}")
    html = (
        f'<figure><img src="/x.jpg" alt="Ett möte &amp; ett torg" data-file="{image.pk}">'
        '<figcaption>Text</figcaption></figure><p><img src="https://example.com/a.png"></p>'
    )
    rendered = template.render(Context({"html": html}))
    assert f"/media/renditions/{image.key.hex}/800.webp" in rendered
    assert 'alt="Ett möte &amp; ett torg"' in rendered
    assert 'loading="lazy"' in rendered
    assert "example.com" not in rendered and "/x.jpg" not in rendered
    assert "<figcaption>Text</figcaption>" in rendered


def test_a_drafts_images_are_not_public(client, staff_client):
    image = library_image()
    story = factories.story(partnerships=[factories.partnership()], publish=False)
    story.lead_image = image
    story.save()
    rendition = images.renditions(image)[0].url
    assert client.get(rendition).status_code == 404
    response = staff_client.get(rendition)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    story.is_published = True
    story.save()
    response = client.get(rendition)
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert response["Content-Type"] == "image/webp"
    # The original (with whatever metadata it had) is for staff only.
    assert client.get(image.file.url).status_code == 404


def test_an_image_in_published_rich_text_is_public(client):
    image = library_image()
    rendition = images.renditions(image)[0].url
    assert client.get(rendition).status_code == 404  # in the library, used nowhere
    body = f'<p>Text</p><figure><img src="" alt="x" data-file="{image.pk}"></figure>'
    factories.story(partnerships=[factories.partnership()], body_en=body)
    assert client.get(rendition).status_code == 200


def test_deleting_content_deletes_its_unused_images(django_capture_on_commit_callbacks):
    shared = library_image()
    own = library_image()
    partnership = factories.partnership()
    story = factories.story(partnerships=[partnership], lead_image=own)
    factories.story(partnerships=[partnership], lead_image=shared)
    other = factories.story(partnerships=[partnership], lead_image=shared)
    paths = [Path(default_storage.path(own.file.name))]
    paths.append(Path(default_storage.path(images.rendition_name(own, 320))))
    with django_capture_on_commit_callbacks(execute=True):
        story.delete()
        other.delete()
    assert not Image.objects.filter(pk=own.pk).exists()
    assert Image.objects.filter(pk=shared.pk).exists()  # still used by a story
    assert not any(path.exists() for path in paths)
    assert Client().get(images.renditions(own)[0].url).status_code == 404


def test_the_chosen_file_survives_a_validation_error(staff_client):
    url = reverse("admin:core_image_add")
    data = {"alt_sv": "", "alt_en": "", "caption_sv": "", "caption_en": "", "credit": "K. Foto"}
    response = staff_client.post(url, {**data, "file": upload()})
    assert response.status_code == 200  # no alternative text: the form comes back
    token = response.context["adminform"].form.data["pending_upload"]
    assert token
    pending = signing.loads(token, salt="core.image-upload")
    assert Client().get(f"/media/{pending}").status_code == 404  # kept, but never served
    assert "The image you chose is kept" in response.text or "Bilden du valde" in response.text
    response = staff_client.post(url, {**data, "alt_sv": "Ett torg.", "pending_upload": token})
    assert response.status_code == 302
    image = Image.objects.get(credit="K. Foto")
    assert image.width == 1600
    assert default_storage.exists(images.rendition_name(image, 320))
    # A token is signed: a made-up one points at nothing.
    response = staff_client.post(url, {**data, "alt_sv": "x", "pending_upload": "pending/x.jpg"})
    assert response.status_code == 200
    assert "file" in response.context["adminform"].form.errors


def test_the_extension_comes_from_the_content():
    png = SimpleUploadedFile("photo.jpg", picture_bytes((400, 300), "PNG"), "image/jpeg")
    image = images.image_create(file=png, alt_sv="En bild")
    assert image.file.name.endswith(".png")


def test_an_upload_for_a_form_never_saved_is_removed_once_its_token_expires(staff_client):
    from datetime import timedelta

    from django.utils import timezone

    from core.outbox import outbox_collect

    url = reverse("admin:core_image_add")
    data = {"alt_sv": "", "alt_en": "", "caption_sv": "", "caption_en": "", "credit": "Övergiven"}
    response = staff_client.post(url, {**data, "file": upload()})
    pending = signing.loads(
        response.context["adminform"].form.data["pending_upload"], salt="core.image-upload"
    )
    assert default_storage.exists(pending)
    outbox_collect()  # the email worker's loop: still within its day
    assert default_storage.exists(pending)
    assert images.remove_abandoned_uploads(now=timezone.now() + timedelta(hours=25)) == 1
    assert not default_storage.exists(pending)
    assert images.remove_abandoned_uploads() == 0
