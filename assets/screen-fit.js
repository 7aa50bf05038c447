// The projector screen fits the beamer: the type scales with the screen's width, shrinks while the step does not
// fit, never below the floor (1 % of the width: 3 cm on a 3-metre projection, readable at 10 m), and what still
// does not fit is shown a page at a time, advancing by itself, with "1/3" on screen. A page ends before the first
// line (or bar) that would not fit whole, and the next page starts with it: no line is cut in half at an edge.
// Q makes the join panel small or big again; it starts small once the workshop is past its first step.
(() => {
  const START = 1.4, FLOOR = 1.0, STEP = 0.05, PAGE_SECONDS = 8;  // root font size in vw
  let page = 0, starts = [0], length = 0, scheduled = false;

  function fit() {
    scheduled = false;
    const step = document.querySelector('.screen-step'), results = document.querySelector('.screen-step .results');
    const join = document.querySelector('.join-panel');
    if (!step) return;
    if (results) {
      results.style.maxHeight = '';
      results.scrollTop = 0;
    }
    const overflowing = () => step.scrollHeight > step.clientHeight + 1
      || (results && results.scrollHeight > results.clientHeight + 1)
      || (join && join.scrollHeight > join.clientHeight + 1);
    let size = START;
    do {
      document.documentElement.style.fontSize = size + 'vw';
      size -= STEP;
    } while (size >= FLOOR - 1e-9 && overflowing());
    length = results ? results.scrollHeight : 0;
    starts = results ? pageStarts(results) : [0];
    page = Math.min(page, starts.length - 1);
    show();
  }

  // Where each page begins, in pixels from the top of the results: where the page before ends, which is the page's
  // height moved up to the top of any line or bar that would be cut there (a page further down for one taller
  // than a page).
  function pageStarts(results) {
    const top = results.getBoundingClientRect().top, height = results.clientHeight;
    const units = [];
    const walker = document.createTreeWalker(results, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        if (!node.textContent.trim()) continue;
        range.selectNodeContents(node);
        units.push(...range.getClientRects());
      } else if (!node.firstElementChild && !node.textContent.trim()) {
        units.push(node.getBoundingClientRect());  // a bar, a dot, a line of the ladder
      }
    }
    const boxes = units.filter(box => box.height > 0).map(box => ({top: box.top - top, bottom: box.bottom - top}));
    const found = [0];
    for (;;) {
      const start = found[found.length - 1];
      if (!boxes.some(box => box.bottom > start + height + 0.5)) return found;
      let end = start + height;  // moved up until no line crosses it, in any column
      for (let crossing = across(boxes, end); crossing.length; crossing = across(boxes, end)) {
        end = Math.min(...crossing.map(box => box.top));
      }
      found.push(end > start + 0.5 ? end : start + height);
    }
  }

  const across = (boxes, at) => boxes.filter(box => box.top < at - 0.5 && box.bottom > at + 0.5);

  function show() {
    const results = document.querySelector('.screen-step .results'), counter = document.querySelector('.page-count');
    if (results) {
      // each page as high as what fits on it whole, so what comes next is out of sight and can be scrolled to
      const end = page + 1 < starts.length ? starts[page + 1] : length;
      results.style.maxHeight = starts.length > 1 ? (end - starts[page]) + 'px' : '';
      results.scrollTop = starts[page];
    }
    const text = starts.length > 1 ? `${page + 1}/${starts.length}` : '';
    if (counter && counter.textContent !== text) counter.textContent = text;  // writing it unchanged would wake the
    // observer below, which fits again: a loop that kept a screen busy for as long as it was open
  }

  const later = () => { if (!scheduled) { scheduled = true; requestAnimationFrame(fit); } };
  window.addEventListener('resize', later);
  new MutationObserver(later).observe(document.body, {childList: true, subtree: true, characterData: true});
  // the server makes the join panel small or big with the body's class, maybe after the step it came with
  new MutationObserver(later).observe(document.body, {attributeFilter: ['class']});
  setInterval(() => { if (starts.length > 1) { page = (page + 1) % starts.length; show(); } }, PAGE_SECONDS * 1000);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'q' || event.key === 'Q') { document.body.classList.toggle('join-small'); later(); }
  });
})();
