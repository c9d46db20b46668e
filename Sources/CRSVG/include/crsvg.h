#ifndef REFKIT_CRSVG_H
#define REFKIT_CRSVG_H

#include <stddef.h>

/// librsvg and cairo, loaded when first needed (dlopen), not when a program starts: linking them
/// made every command start in twice the time (16.6 ms against 8.0). Their stable C ABIs (librsvg
/// 2.46+, cairo 1.x) are declared in crsvg.c, nothing more. The `refkit_rsvg_*` functions run
/// librsvg in the calling process: only the helper refkit-draw calls them; refkit calls the
/// `_apart` ones, which run the helper (apart.c).

/// 1 when librsvg and cairo could be loaded (Debian's librsvg2-2), else 0.
int refkit_rsvg_available(void);

/// 1 when librsvg reads `svg` (well-formed XML, an SVG document), without drawing it.
int refkit_rsvg_readable(const unsigned char *svg, size_t length);

/// Draws `svg` into a `width` × `height` ARGB image, fitted inside `inset` pixels of margin, on
/// white when `on_white`, and writes it as PNG through `write` (called with `context`, any
/// number of times). Returns 1 on success, 0 when librsvg or cairo fail.
int refkit_rsvg_png(const unsigned char *svg, size_t length, int width, int height, int inset, int on_white,
                    void (*write)(void *context, const unsigned char *data, unsigned int length), void *context);

/// What `refkit_rsvg_png_apart` came to.
enum refkit_draw_outcome {
    REFKIT_DRAWN = 0,        // the PNG was written through `write`
    REFKIT_UNDRAWABLE = 1,   // librsvg or cairo failed, or the helper ended on a signal (a crash)
    REFKIT_TOO_SLOW = 2,     // not done within the time limit: the helper was killed
    REFKIT_NO_HELPER = 3,    // the helper could not be started
    REFKIT_NO_LIBRARY = 4,   // the helper could not load librsvg or cairo
};

/// `refkit_rsvg_png` in a process of its own, the helper at `helper` (refkit-draw): a logo that
/// makes librsvg crash, or run for minutes, or use gigabytes, ends that process, not refkit. The
/// SVG reaches it through a memory file, the PNG comes back through a pipe; past `milliseconds`
/// the helper is killed. Reentrant: each call has its own process and descriptors.
enum refkit_draw_outcome refkit_rsvg_png_apart(const char *helper, const unsigned char *svg, size_t length, int width, int height,
                                               int inset, int on_white, int milliseconds,
                                               void (*write)(void *context, const unsigned char *data, unsigned int length),
                                               void *context);

/// `refkit_rsvg_readable` for `count` logos, in as few helper processes as it can (one, unless a
/// logo crashes it or takes past `milliseconds`): `outcomes[i]` is REFKIT_DRAWN when logo i can
/// be read, REFKIT_UNDRAWABLE when not (or it crashed librsvg), else why it could not be tried.
void refkit_rsvg_read_apart(const char *helper, const unsigned char *const *svgs, const size_t *lengths, size_t count,
                            int milliseconds, enum refkit_draw_outcome *outcomes);

/// Draws `svg` onto white in a new `width` × `height` ARGB32 cairo surface and hands it to `use`
/// (with `context`). Returns 0 when librsvg or cairo fail.
int refkit_rsvg_surface(const unsigned char *svg, size_t length, int width, int height,
                        void (*use)(void *surface, int width, int height, void *context), void *context);

/// A link-preview card: `svg` drawn onto white and written as an RGB PNG (libpng, fast settings)
/// through `write`. Returns 1 on success, 0 when librsvg, cairo or libpng could not be loaded or
/// failed to read the SVG (libpng's own errors end the process: run it only in the helper).
int refkit_rsvg_card(const unsigned char *svg, size_t length, int width, int height,
                     void (*write)(void *context, const unsigned char *data, unsigned int length), void *context);

/// `refkit_rsvg_card` for `count` cards, in as few helper processes as it can (one, unless a card
/// crashes it or all of them together take past `milliseconds` each): `outcomes[i]` says how card
/// i went, and a drawn card's PNG is handed to `drawn` (with `context` and i).
void refkit_rsvg_cards_apart(const char *helper, const unsigned char *const *svgs, const size_t *lengths, size_t count,
                             int width, int height, int milliseconds, enum refkit_draw_outcome *outcomes,
                             void (*drawn)(void *context, size_t index, const unsigned char *data, size_t length), void *context);

/// The helper's whole work: `draw WIDTH HEIGHT INSET ON_WHITE` reads an SVG on fd 0 and writes
/// the PNG on fd 1; `read` reads logos framed as "LENGTH\n" and bytes, and answers '1' or '0' for
/// each; `cards WIDTH HEIGHT` reads cards framed the same way and answers "LENGTH\n" and the PNG
/// for each ("0\n" for one it could not draw). Its memory and CPU time are limited, and it ends with its parent.
int refkit_draw_main(int argc, char **argv);

#endif
