// The rich-text editor on every formatted field in admin (core.richtext.RichTextWidget).
//
// django-prose-editor's own start-up script needs an inline import map and lets the editor
// inject a <style> element, both of which the site's Content-Security-Policy refuses. This
// module imports the editor by its path, starts it with injectCSS off (its base styles are in
// admin-icld/admin.css) and cleans what is pasted from Word or a web page: structure stays,
// styles, classes and Office markup go (the server's sanitiser has the last word).
const SELECTOR = "textarea[data-rich-text]";
const started = new WeakSet();

// ---- Pasting from Word ------------------------------------------------------------------

// Word writes list items as paragraphs (class "MsoListParagraph…", style "mso-list:…") whose
// bullet or number is a span marked mso-list:Ignore. They become real lists here.
// Style attributes and elements are taken out before the HTML is parsed at all: parsing them
// would break the CSP (style-src 'self'). What Word says about lists is kept as data attributes.
function withoutStyles(html) {
  return html
    .replace(/<style[\s\S]*?<\/style\s*>/gi, "")
    .replace(/\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, (match, value) => {
      if (/mso-list:\s*Ignore/i.test(value)) return ' data-word-marker="1"';
      if (/mso-list:/i.test(value)) return ' data-word-list="1"';
      return "";
    });
}

function wordListsToLists(body) {
  const doc = body.ownerDocument;
  for (const p of Array.from(body.querySelectorAll("p"))) {
    if (!p.hasAttribute("data-word-list") && !/MsoListParagraph/i.test(p.className || "")) continue;
    let marker = "";
    for (const span of Array.from(p.querySelectorAll("[data-word-marker]"))) {
      marker += span.textContent;
      span.remove();
    }
    const tag = /^\s*(\d+|[a-z]|[ivx]+)[.)]/i.test(marker) ? "OL" : "UL";
    const before = p.previousElementSibling;
    let list = before && before.tagName === tag && before.dataset.fromWord ? before : null;
    if (!list) {
      list = doc.createElement(tag);
      list.dataset.fromWord = "1";
      p.before(list);
    }
    const item = doc.createElement("li");
    item.append(...p.childNodes);
    list.append(item);
    p.remove();
  }
  body.querySelectorAll("[data-from-word]").forEach((list) => delete list.dataset.fromWord);
}

export function cleanPastedHTML(html) {
  const doc = new DOMParser().parseFromString(withoutStyles(html), "text/html");
  const body = doc.body;
  // Office's conditional comments, XML islands and style sheets carry no content.
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_COMMENT);
  const comments = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((c) => c.remove());
  body.querySelectorAll("style, script, meta, link, xml, title").forEach((n) => n.remove());
  wordListsToLists(body);
  // Office namespaced elements (<o:p>) keep their text only.
  Array.from(body.getElementsByTagName("*"))
    .filter((el) => el.tagName.includes(":"))
    .forEach((el) => el.replaceWith(...el.childNodes));
  // Word marks headings with classes as well as tags; a styled paragraph stays a paragraph.
  body.querySelectorAll("*").forEach((el) => {
    el.removeAttribute("data-word-list");
    el.removeAttribute("class");
    el.removeAttribute("id");
    el.removeAttribute("lang");
    el.removeAttribute("align");
  });
  // A heading of the page's own level (h1) becomes the first level the editor offers.
  body.querySelectorAll("h1").forEach((h) => {
    const h2 = doc.createElement("h2");
    h2.innerHTML = h.innerHTML;
    h.replaceWith(h2);
  });
  return body.innerHTML;
}

// ---- Starting the editor ---------------------------------------------------------------

// A passage in another language than the field's (WCAG 3.1.2), e.g. an English session title
// in a Swedish programme: <span lang="en">…</span>, so a screen reader reads it as English.
// A field named …_sv offers English, …_en offers Swedish, any other field both.
const LANGUAGE_NAMES = { sv: "Mark as Swedish", en: "Mark as English" };

function languageMark(fieldLanguage) {
  const offered = Object.keys(LANGUAGE_NAMES).filter((code) => code !== fieldLanguage);
  return prose.Mark.create({
    name: "language",
    addAttributes() {
      return {
        lang: {
          default: offered[0],
          parseHTML: (element) => element.getAttribute("lang"),
          renderHTML: (attributes) => ({ lang: attributes.lang }),
        },
      };
    },
    parseHTML() {
      return [{ tag: "span[lang]" }];
    },
    renderHTML({ HTMLAttributes }) {
      return ["span", HTMLAttributes, 0];
    },
    addMenuItems({ buttons, menu }) {
      for (const code of offered) {
        menu.defineItem({
          name: `language:${code}`,
          groups: "marks",
          button: buttons.text(code.toUpperCase(), LANGUAGE_NAMES[code]),
          active: (editor) => editor.isActive("language", { lang: code }),
          command: (editor) => {
            const chain = editor.chain().focus();
            if (editor.isActive("language", { lang: code })) chain.unsetMark("language").run();
            else chain.setMark("language", { lang: code }).run();
          },
        });
      }
    },
  });
}

function extensionsFrom(config, fieldLanguage) {
  const extensions = [
    prose.Document,
    prose.Dropcursor,
    prose.Gapcursor,
    prose.Paragraph,
    prose.Text,
    prose.History,
    prose.NoSpellCheck,
    prose.Menu.configure({
      groups: [
        { group: "blockType -lists", type: "dropdown", minItems: 2 },
        { group: "lists" },
        { group: "nodes -blockType -lists" },
        { group: "marks" },
        { group: "link" },
        { group: "table" },
        { group: "history" },
        { group: "utility" },
      ],
    }),
    languageMark(fieldLanguage),
  ];
  for (const [name, options] of Object.entries(config.extensions || {})) {
    const extension = prose[name];
    if (!extension) continue;
    let settings = typeof options === "object" ? { ...options } : null;
    if (name === "Figure" && config.pickerUrl) settings = { ...(settings || {}), pickerUrl: config.pickerUrl };
    extensions.push(settings ? extension.configure(settings) : extension);
  }
  return extensions;
}

// The editor's words in the page's language (core.richtext.editor_labels). Its dialogs
// translate with the window.gettext they find when the editor's module is first evaluated,
// so ours is in place before the module is imported; its toolbar titles are set here.
const first = document.querySelector("textarea[data-rich-text-labels]");
const labels = first ? JSON.parse(first.dataset.richTextLabels) : {};
const djangoGettext = window.gettext;
window.gettext = (text) => labels[text] || (djangoGettext ? djangoGettext(text) : text);
const prose = await import("../django_prose_editor/editor.js");

function retitleToolbar(wrapper) {
  wrapper.querySelectorAll(".prose-menubar [title]").forEach((button) => {
    const title = labels[button.title];
    if (!title) return; // already in the page's language
    button.title = title;
    button.setAttribute("aria-label", title);
  });
  wrapper.querySelectorAll(".prose-menubar p").forEach((option) => {
    if (labels[option.textContent]) option.textContent = labels[option.textContent];
  });
}

function start(textarea) {
  if (started.has(textarea) || textarea.id.includes("__prefix__")) return;
  started.add(textarea);
  const config = JSON.parse(textarea.dataset.richText || "{}");
  const fieldLanguage = (/_(sv|en)$/.exec(textarea.name) || [])[1];
  const wrapper = prose.crel("div", { className: "prose-editor" });
  textarea.before(wrapper);
  wrapper.append(textarea);
  const editor = new prose.Editor({
    element: wrapper,
    extensions: extensionsFrom(config, fieldLanguage),
    content: textarea.value,
    injectCSS: false,
    editorProps: {
      transformPastedHTML: cleanPastedHTML,
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": textarea.labels && textarea.labels[0] ? textarea.labels[0].textContent.trim() : "",
      },
    },
    onUpdate({ editor: ed }) {
      const html = ed.getHTML();
      textarea.value = /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    },
  });
  textarea.richTextEditor = editor;
  // The toolbar is drawn (and its dropdowns filled) after the editor starts.
  retitleToolbar(wrapper);
  new MutationObserver(() => retitleToolbar(wrapper)).observe(wrapper, {
    childList: true,
    subtree: true,
  });
  // Its label now points at the editable area.
  const label = textarea.labels && textarea.labels[0];
  if (label) {
    label.addEventListener("click", () => editor.commands.focus());
  }
  textarea.dispatchEvent(new CustomEvent("rich-text:ready", { detail: { editor }, bubbles: true }));
}

function startAll(root) {
  root.querySelectorAll(SELECTOR).forEach(start);
}

startAll(document);
// Inline rows added with "Add another" get their editors too.
document.addEventListener("formset:added", (event) => startAll(event.target));
