"""A communications officer writes a story in the editor, in both languages, with a pasted
Word paragraph, an image in the text and a lead image; previews it; publishes it; a visitor
reads it with resized images. No page sends an image more than twice its displayed size."""

import io
import re
from pathlib import Path

import pytest
from PIL import Image as PILImage
from playwright.sync_api import expect

from tests.e2e import staff
from tests.e2e.harness import assert_accessible

EDITOR_KEY = bytes(range(31, 51))
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"

WORD_CLIPBOARD = """<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><style>p.MsoNormal{margin:0cm;font-family:Calibri}</style></head><body>
<!--StartFragment--><p class=MsoNormal style="margin-bottom:8pt;font-size:11pt;color:#1F3864">
<b><span style="font-family:Calibri">Fullmäktige</span></b> <span style='mso-bidi-font-size:14pt'>
röstade igenom förslaget</span> i maj.<o:p></o:p></p><!--EndFragment--></body></html>"""


@pytest.fixture(scope="module")
def editor_account(portal):
    """A communications officer whose authenticator app the test knows."""
    return staff.create_account(
        portal,
        "e2e-communications",
        email="com@icld.se",
        options=("--group", "Communications", "--group", "Partnerships team"),
        key=EDITOR_KEY,
    )


def sign_in(page, portal, username):
    staff.sign_in(page, portal, username, EDITOR_KEY)
    page.wait_for_url("**/admin/")


def photo(tmp_path) -> Path:
    """A camera-sized JPEG: a sky, a field and a figure."""
    picture = PILImage.new("RGB", (3000, 2000), (120, 170, 220))
    for y in range(1200, 2000):
        for x in range(0, 3000, 100):
            picture.paste((80, 140, 70), (x, y, x + 100, y + 1))
    picture.paste((196, 62, 52), (1400, 900, 1600, 1500))
    path = tmp_path / "IMG_4711 fullmäktige.jpg"
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90)
    path.write_bytes(buffer.getvalue())
    return path


def editor(page, field):
    return page.locator(f".prose-editor:has(textarea[name={field}])")


def select_back(page, field: str, text: str) -> None:
    """Select the ``text`` just typed with Shift+Left, as staff would. The editor applies typed
    text a moment after the keys (later on a busy machine): the selecting keys wait for it,
    and the selection is checked before anything acts on it."""
    editor_of = f"document.querySelector('textarea[name={field}]').richTextEditor"
    page.wait_for_function(
        f"text => {editor_of}.state.doc.textContent.endsWith(text)", arg=text, timeout=10_000
    )
    for _ in text:
        page.keyboard.press("Shift+ArrowLeft")
    page.wait_for_function(
        f"""text => {{
          const {{ state }} = {editor_of};
          return state.doc.textBetween(state.selection.from, state.selection.to) === text;
        }}""",
        arg=text,
        timeout=10_000,
    )


def write(page, field, *, heading, text, items, link_text, pasted=False):
    """Type into the editor the way staff do: markdown-like shortcuts and the toolbar."""
    box = editor(page, field)
    area = box.locator(".ProseMirror[contenteditable=true]")
    area.click()
    page.keyboard.type(f"## {heading}")
    page.keyboard.press("Enter")
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    page.keyboard.type("- ")
    for item in items:
        page.keyboard.type(item)
        page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # out of the list
    page.keyboard.type(link_text)
    select_back(page, field, link_text)
    box.locator(".prose-menubar__button[title]").filter(
        has_text=re.compile("^insert_link$")
    ).click()
    dialog = page.locator("dialog[open]")
    dialog.locator("input").first.fill("https://icld.se/")
    dialog.locator("button[type=submit]").click()
    # Back in the text, after the link (where a click at the end of the text would put it).
    page.locator(f"textarea[name={field}]").evaluate("t => t.richTextEditor.commands.focus('end')")
    page.keyboard.press("Enter")
    if pasted:
        area.evaluate(
            """(element, html) => {
              const data = new DataTransfer();
              data.setData('text/html', html);
              data.setData('text/plain', 'Fullmäktige röstade igenom förslaget i maj.');
              element.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data,
                bubbles: true, cancelable: true}));
            }""",
            WORD_CLIPBOARD,
        )
        page.locator(f"textarea[name={field}]").evaluate(
            "t => t.richTextEditor.commands.focus('end')"
        )
        page.keyboard.press("Enter")
    # An image from the library, inside the text: the figure button, then the picker.
    box.locator(".prose-menubar__button").filter(has_text=re.compile("^image$")).click()
    dialog = page.locator("dialog[open]")
    with page.expect_popup() as picker:
        dialog.locator(".prose-editor-field-with-picker button").click()
    chooser = picker.value
    chooser.wait_for_load_state()
    chooser.locator(".image-picker-choice").first.click()
    alt = dialog.locator("input[name=altText]")
    assert alt.input_value(), "the picker gives the image's alternative text"
    dialog.locator("button[type=submit]").click()
    html = page.locator(f"textarea[name={field}]").input_value()
    assert f"<h2>{heading}</h2>" in html
    assert "<ul><li>" in html
    assert 'href="https://icld.se/"' in html, html
    assert re.search(
        r'<img src="/media/renditions/[0-9a-f]{32}/\d+\.webp"[^>]*data-file="\d+"', html
    )
    return html


def assert_images_not_oversized(page, label):
    """No image is more than twice as wide as it is shown (in device pixels)."""
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.scrollTo(0, 0)")
    found = page.evaluate(
        """() => Array.from(document.images).filter(i => i.complete && i.naturalWidth).map(i => ({
             src: i.currentSrc, natural: i.naturalWidth,
             shown: i.getBoundingClientRect().width * window.devicePixelRatio}))"""
    )
    too_large = [
        image for image in found if image["shown"] and image["natural"] > 2 * image["shown"]
    ]
    assert not too_large, f"{label}: images larger than twice their size: {too_large}"
    return found


def test_staff_write_preview_and_publish_a_story_a_visitor_reads(
    portal, browser, editor_account, tmp_path
):
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems = []
    page.on("console", lambda m: problems.append(m.text) if "Content Security" in m.text else None)
    sign_in(page, portal, editor_account)

    page.goto(portal.url("/admin/partnerships/story/add/"))
    page.fill("#id_title_sv", "Fullmäktige sa ja till ungdomsrådet")
    page.fill("#id_title_en", "The council said yes to the youth council")
    page.fill("#id_lead_sv", "Ghanzis ungdomsråd blev permanent.")
    page.fill("#id_lead_en", "Ghanzi's youth council became permanent.")
    page.locator("details:has(#id_slug) > summary").click()  # the "Advanced" section
    page.fill("#id_slug", "council-said-yes")
    page.fill("#id_date", "2026-11-20")
    ((partnership_id,),) = portal.query(
        "select id from partnerships_partnership where slug = 'ale-ghanzi-young-co-creators'"
    )
    page.evaluate(
        """(id) => { const select = document.querySelector('select[name=partnerships]');
          select.append(new Option('Ale – Ghanzi', id, true, true));
          select.dispatchEvent(new Event('change', {bubbles: true})); }""",
        str(partnership_id),
    )
    swedish = write(
        page, "body_sv", heading="Vad ungdomsrådet gjorde", text="Rådet träffades varje månad.",
        items=["Tre förslag", "Två i budgeten"], link_text="Läs mer hos ICLD", pasted=True,
    )  # fmt: skip
    # Word's paragraph kept its words and bold, and lost its fonts and colours.
    assert "<strong>Fullmäktige</strong>" in swedish and "röstade igenom förslaget" in swedish
    assert "Calibri" not in swedish and "style" not in swedish and "Mso" not in swedish
    write(
        page, "body_en", heading="What the youth council did", text="The council met monthly.",
        items=["Three proposals", "Two in the budget"], link_text="Read more at ICLD",
    )  # fmt: skip
    page.screenshot(path=str(SHOTS / "editor-1280.png"), full_page=True)

    # The lead image: a new one in the library, through admin's "+" beside the field.
    with page.expect_popup() as popup_info:
        page.locator("#add_id_lead_image").click()
    popup = popup_info.value
    popup.wait_for_load_state()
    popup.set_input_files("#id_file", str(photo(tmp_path)))
    popup.locator("[name=_save]").click()  # no alternative text yet: refused...
    expect(popup.locator(".errorlist").first).to_be_visible()  # waits for the answer
    expect(popup.locator(".messagelist")).to_contain_text("Bilden du valde finns kvar")
    popup.fill("#id_alt_sv", "Ungdomsrådet framför kommunhuset i Ghanzi.")
    popup.fill("#id_alt_en", "The youth council in front of the district offices in Ghanzi.")
    popup.fill("#id_credit", "ICLD")
    with popup.expect_event("close"):
        popup.locator("[name=_save]").click()  # ...and the chosen file was kept
    assert page.locator("#id_lead_image").input_value()

    page.locator("[name=_continue]").click()
    page.wait_for_url("**/change/")
    assert page.locator(".messagelist .success").count(), page.locator(
        ".errorlist"
    ).all_inner_texts()
    ((stored_name,),) = portal.query(
        "select i.file from core_image i join partnerships_story s on s.lead_image_id = i.id"
        " where s.slug = 'council-said-yes'"
    )
    assert re.fullmatch(r"images/[0-9a-f]{32}\.jpg", stored_name)  # not the file's own name

    # Preview, in both languages, before publishing: a visitor does not see the draft.
    preview_links = page.locator(".preview-links a")
    assert preview_links.count() == 2
    for link, language in zip(preview_links.all(), ("sv", "en"), strict=True):
        with page.expect_popup() as preview_info:
            link.click()
        preview = preview_info.value
        preview.wait_for_load_state()
        assert preview.locator("html").get_attribute("lang") == language
        expect(preview.locator(".notice-warning")).to_be_visible()
        assert preview.locator(".story-body h2").count() == 1
        preview.close()
    visitor = browser.new_context(viewport={"width": 1280, "height": 900})
    public = visitor.new_page()
    url_sv = portal.url("/sv/kommunala-partnerskap/berattelser/council-said-yes/")
    url_en = portal.url("/en/municipal-partnerships/stories/council-said-yes/")
    assert public.goto(url_sv).status == 404

    # Publish, and the visitor reads it with resized images.
    page.locator("#id_is_published").check()
    with page.expect_navigation():
        page.locator("[name=_continue]").click()
    assert page.locator(".messagelist .success").count()
    for url, language, heading in (
        (url_sv, "sv", "Vad ungdomsrådet gjorde"),
        (url_en, "en", "What the youth council did"),
    ):
        response = public.goto(url)
        assert response.status == 200
        assert public.locator("html").get_attribute("lang") == language
        assert public.locator(".story-body h2").inner_text() == heading
        assert public.locator(".story-body ul li").count() == 2
        assert public.locator('.story-body a[href="https://icld.se/"]').count() == 1
        lead = public.locator(".lead-image img")
        assert lead.get_attribute("srcset").count("w,") >= 3
        assert lead.get_attribute("width") and lead.get_attribute("height")
        assert lead.get_attribute("loading") is None  # at the top: loaded at once
        inline = public.locator(".story-body img.rich-image")
        assert inline.get_attribute("loading") == "lazy"
        assert "/media/renditions/" in inline.get_attribute("src")
        og = public.locator('meta[property="og:image"]').get_attribute("content")
        assert og.endswith("/og.jpg")
        images = assert_images_not_oversized(public, f"story ({language}, 1280)")
        assert all(".webp" in image["src"] for image in images if "/media/" in image["src"])
        assert_accessible(public, f"published story ({language})")
    public.screenshot(path=str(SHOTS / "story-1280.png"), full_page=True)
    phone = browser.new_context(viewport={"width": 375, "height": 800}, is_mobile=True)
    small = phone.new_page()
    small.goto(url_en)
    assert small.evaluate("document.documentElement.scrollWidth") <= 375
    assert_images_not_oversized(small, "story (375)")
    small.screenshot(path=str(SHOTS / "story-375.png"), full_page=True)
    assert not problems, problems
    for each in (context, visitor, phone):
        each.close()


PAGES_WITH_IMAGES = [
    "/sv/",
    "/en/municipal-partnerships/stories/",
    "/en/municipal-partnerships/stories/youth-council-in-ghanzi/",
    "/sv/kommunala-partnerskap/partnerskap/ale-ghanzi-young-co-creators/",
    "/en/municipal-partnerships/",
]


@pytest.mark.parametrize("width", [1280, 375])
def test_no_page_sends_an_image_larger_than_twice_its_size(portal, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    seen = 0
    for path in PAGES_WITH_IMAGES:
        assert page.goto(portal.url(path)).status == 200
        seen += len(
            [
                i
                for i in assert_images_not_oversized(page, f"{path} at {width}")
                if "/media/" in i["src"]
            ]
        )
    assert seen >= 5  # the demo's pictures are on these pages
    context.close()


def test_a_drafts_images_and_the_originals_are_not_public(portal, browser):
    ((key, name),) = portal.query(
        "select i.key, i.file from core_image i join partnerships_story s"
        " on s.lead_image_id = i.id where s.slug = 'youth-council-in-ghanzi'"
    )
    context = browser.new_context()
    page = context.new_page()
    assert page.goto(portal.url(f"/media/renditions/{key.hex}/320.webp")).status == 200
    assert page.goto(portal.url(f"/media/{name}")).status == 404  # the original: staff only
    context.close()


def test_staff_mark_a_passage_in_the_other_language(portal, browser, editor_account):
    """WCAG 3.1.2: an English session title in a Swedish text is marked as English."""
    context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, portal, editor_account)
    page.goto(portal.url("/admin/partnerships/story/add/"))
    box = editor(page, "body_sv")
    box.locator(".ProseMirror[contenteditable=true]").click()
    page.keyboard.type("Programmet: Welcome and introductions")
    select_back(page, "body_sv", "Welcome and introductions")
    mark = box.get_by_role("button", name="Markera som engelska")
    expect(mark).to_be_visible()
    assert not box.get_by_role("button", name="Markera som svenska").count()
    mark.click()
    html = page.locator("textarea[name=body_sv]").input_value()
    assert '<span lang="en">Welcome and introductions</span>' in html, html
    # The English text offers the opposite mark.
    english = editor(page, "body_en")
    expect(english.get_by_role("button", name="Markera som svenska")).to_be_visible()
    context.close()
