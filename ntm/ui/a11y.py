"""What the page needs for screen readers and keyboards that Streamlit's own elements do not give: the
page's language, headings without a skipped level, and chart boxes that scroll sideways (on a phone)
reachable and named for the keyboard. One small script in the page, set once and kept up to date as
Streamlit redraws (a MutationObserver)."""

import json

from ntm.i18n import t

# Vega draws a layer without data (no official figure for a target) as an empty group with a role
# and no name: hidden from screen readers, as it shows nothing. The uploader's button is named in
# Vietnamese (its English word is hidden by uploader_style).
# Headings: Streamlit's subheader is an h3 right under the page's h1 (st.title): the level a screen
# reader announces (aria-level) goes down one step at most. A chart box wider than the page scrolls by
# itself (GLOBAL_STYLE): it takes the keyboard focus (arrow keys scroll it); Vega names it by the chart's
# description (ntm.ui.charts) and the script adds that it scrolls.
SCRIPT = """
(() => {
  const labels = %(labels)s;
  document.documentElement.lang = labels.lang;
  window.ntmA11yLabels = labels;
  if (window.ntmA11y) { window.ntmA11y(); return; }
  const fix = () => {
    const main = document.querySelector('[data-testid="stMain"]');
    if (!main) return;
    let previous = 1;
    main.querySelectorAll('h1, h2, h3, h4, h5, h6').forEach(heading => {
      const level = Number(heading.tagName[1]);
      const said = Math.min(level, previous + 1);
      if (said !== level) heading.setAttribute('aria-level', String(said));
      else heading.removeAttribute('aria-level');
      previous = said;
    });
    main.querySelectorAll('[data-testid="stVegaLiteChart"] g[role="graphics-symbol"]:empty').forEach(
      group => group.setAttribute('aria-hidden', 'true'));
    const upload = window.ntmA11yLabels.upload;
    main.querySelectorAll('[data-testid="stFileUploaderDropzone"] button').forEach(
      button => upload ? button.setAttribute('aria-label', upload) : button.removeAttribute('aria-label'));
    const words = Object.entries(window.ntmA11yLabels.words);
    if (words.length) document.querySelectorAll(
      '[data-testid="InputInstructions"], [role="listbox"], [data-testid="stMultiSelectDropdown"], ' +
      '[data-testid="stSkipToContent"]'
    ).forEach(element => {
      const texts = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = texts.nextNode(); node; node = texts.nextNode()) {
        for (const [english, own] of words) {
          if (node.nodeValue.startsWith(english)) node.nodeValue = own + node.nodeValue.slice(english.length);
        }
      }
    });
    if (words.length) document.querySelectorAll('button[aria-label^="Help for "]').forEach(button => {
      for (const [english, own] of words) {
        const label = button.getAttribute('aria-label');
        if (label.startsWith(english)) button.setAttribute('aria-label', own + label.slice(english.length));
      }
    });
    main.querySelectorAll('[data-testid="stVegaLiteChart"]').forEach(box => {
      const scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute('tabindex')) {
        box.tabIndex = 0;
        box.setAttribute('aria-description', window.ntmA11yLabels.scroll);
      } else if (!scrolls && box.hasAttribute('tabindex')) {
        box.removeAttribute('tabindex');
        box.removeAttribute('aria-description');
      }
    });
  };
  let pending = false;
  const later = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; fix(); });
  };
  window.ntmA11y = later;
  new MutationObserver(later).observe(document.body, {childList: true, subtree: true, characterData: true});
  window.addEventListener('resize', later);
  later();
})();
"""


# Streamlit's own English words that users meet and no parameter sets (1.67): the input hints under a
# text box ("Press Enter to apply"), the district box's offer for typed text ("Add: dinh lap"), a
# search with no match, the keyboard's first stop ("Skip to main content") and the help buttons' names
# ("Help for Mức đạt chuẩn"). The script puts the page's language in their place as Streamlit draws them.
STREAMLIT_WORDS = ("a11y.st.submit", "a11y.st.apply", "a11y.st.add", "a11y.st.none", "a11y.st.skip", "a11y.st.help")


def page_script(lang: str) -> str:
    """The script's text for a page in `lang` ('vi' or 'en')."""
    labels = {
        "lang": lang,
        "scroll": t("a11y.chart.scroll", lang),
        "upload": t("a11y.upload.button", lang) if lang == "vi" else None,
        "words": {t(key, "en"): t(key, lang) for key in STREAMLIT_WORDS} if lang != "en" else {},
    }
    return SCRIPT % {"labels": json.dumps(labels, ensure_ascii=False)}


# Streamlit's file uploader has English words of its own and no parameter for them (1.67): in
# Vietnamese they are hidden (for screen readers too) and the same place shows ours (CSS generated
# content, which screen readers read). The limit shown is the one the upload is held to.
UPLOADER_STYLE = """<style>
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] p,
[data-testid="stFileUploaderDropzoneInstructions"] span {visibility: hidden; font-size: 0 !important;}
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] p::after
{content: %(button)s; visibility: visible; font-size: 0.875rem;}
[data-testid="stFileUploaderDropzoneInstructions"] span::after
{content: %(limit)s; visibility: visible; font-size: 0.875rem;}
</style>"""


def uploader_style(lang: str, megabytes: int, types: str) -> str:
    """The <style> that puts the uploader's button and limit in Vietnamese (none in English, which
    Streamlit already speaks)."""
    if lang != "vi":
        return "<style></style>"
    return UPLOADER_STYLE % {
        "button": json.dumps(t("a11y.upload.button", lang), ensure_ascii=False),
        "limit": json.dumps(t("a11y.upload.limit", lang, mb=megabytes, types=types), ensure_ascii=False),
    }
