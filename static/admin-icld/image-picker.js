// The image library's picker (core.admin_images.ImageAdmin.picker_view), opened by the
// rich-text editor's figure dialog: a choice goes back to the editor window the way the
// editor expects (CKEditor's callback protocol), then this window closes.
document.addEventListener("click", (event) => {
  const choice = event.target.closest(".image-picker-choice");
  if (!choice || !window.opener) return;
  const tools = window.opener.CKEDITOR && window.opener.CKEDITOR.tools;
  if (!tools) return;
  tools.callFunction(Number(choice.dataset.callback), choice.dataset.url, {
    id: choice.dataset.id,
    alternative_text: choice.dataset.alt,
    caption: choice.dataset.caption,
  });
  window.close();
});
