import Foundation

/// What a printed page did to fit its sheet, measured in the Chromium that prints it: the page
/// is laid out for print at the paper's printable size, its line clamps lifted (text is whole),
/// its type and spacing scaled down within bounds (`scale`, 1 to 0.8), and, if it still does not
/// fit, its least needed parts left out whole, last first (`dropped`: the handout's page list,
/// trigger phrases and steps after the first, "what happens next", the reward; an offer's
/// description). What still does not fit is `overflowing`: parts that are never left out (an
/// offer's value, code, validity and terms, the referral link, the contact).
public struct PrintFit: Sendable, Equatable {
    public var scale: Double = 1
    public var dropped: [String] = []
    public var overflowing: [String] = []

    public init(scale: Double = 1, dropped: [String] = [], overflowing: [String] = []) {
        (self.scale, self.dropped, self.overflowing) = (scale, dropped, overflowing)
    }

    /// The script's answer (a JSON object), or a page that needed nothing.
    init(json: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return }
        scale = object["scale"] as? Double ?? 1
        dropped = object["dropped"] as? [String] ?? []
        overflowing = object["overflowing"] as? [String] ?? []
    }

    /// The page @page margin refkit's style sheet gives a handout and an offer, in inches.
    static let margin = 10 / 25.4

    /// Run in the page (refkit's own script, through DevTools: the page itself runs none). A page
    /// with no `.sheet` and no `.page--offer` is left as it is. Each part is named as the reader
    /// sees it: its heading and, for a list item, its position.
    static let script = #"""
    (() => {
      const sheet = document.querySelector('.sheet') || (document.body.classList.contains('page--offer') ? document.querySelector('main') : null);
      if (!sheet) return '{}';
      const root = document.documentElement;
      root.classList.add('fit');
      // A handout's sheet and columns hold their content; an offer's page is the paper's printable height.
      const page = document.scrollingElement;
      const boxes = sheet.classList.contains('sheet') ? [sheet, ...sheet.querySelectorAll('.sheet__main, .sheet__side')] : [page];
      const fits = b => b === page ? b.scrollHeight <= window.innerHeight + 1 : b.scrollHeight <= b.clientHeight + 1;
      const over = () => !boxes.every(fits);
      const name = el => (el.closest('section, div')?.querySelector('h2, .sheet__label')?.textContent || '').trim();
      let scale = 1;
      for (scale of [1, 0.95, 0.9, 0.85, 0.8]) {
        root.style.setProperty('--fit', String(scale));
        if (!over()) return JSON.stringify({scale});
      }
      const dropped = [];
      const lists = ['.sheet__pages li', '.sheet__phrases li', '.sheet__steps li'];
      const parts = [];
      for (const selector of lists) {
        const items = [...sheet.querySelectorAll(selector)];
        items.slice(selector === '.sheet__pages li' ? 0 : 1).reverse().forEach(el => parts.push([el, name(el) + '#' + (items.indexOf(el) + 1)]));
      }
      for (const selector of ['.sheet__next', '.sheet__pages-section', '.sheet__reward', '.voucher .prose']) {
        sheet.querySelectorAll(selector).forEach(el => parts.push([el, selector === '.voucher .prose' ? 'description' : name(el.firstElementChild || el) || name(el)]));
      }
      for (const [el, label] of parts) {
        if (!over()) break;
        if (el.hidden || !el.isConnected) continue;
        el.hidden = true;
        dropped.push(label.trim());
      }
      const overflowing = boxes.filter(b => !fits(b)).map(b => b === page ? 'the offer' : b.className);
      return JSON.stringify({scale, dropped, overflowing});
    })()
    """#
}

/// A printed page: its PDF's bytes, and what it did to fit.
public struct PrintedPage: Sendable {
    public var bytes: [UInt8]
    public var fit: PrintFit
}
