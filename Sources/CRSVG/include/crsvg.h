#ifndef REFKIT_CRSVG_H
#define REFKIT_CRSVG_H

#include <stddef.h>

/// librsvg and cairo, loaded when first needed (dlopen), not when refkit starts: linking them
/// made every command start in twice the time (16.6 ms against 8.0) for the one job that draws.
/// Their stable C ABIs (librsvg 2.46+, cairo 1.x) are declared in crsvg.c, nothing more.

/// 1 when librsvg and cairo could be loaded (Debian's librsvg2-2), else 0.
int refkit_rsvg_available(void);

/// 1 when librsvg reads `svg` (well-formed XML, an SVG document), without drawing it.
int refkit_rsvg_readable(const unsigned char *svg, size_t length);

/// Draws `svg` into a `width` × `height` ARGB image, fitted inside `inset` pixels of margin, on
/// white when `on_white`, and writes it as PNG through `write` (called with `context`, any
/// number of times). Returns 1 on success, 0 when librsvg or cairo fail.
int refkit_rsvg_png(const unsigned char *svg, size_t length, int width, int height, int inset, int on_white,
                    void (*write)(void *context, const unsigned char *data, unsigned int length), void *context);

#endif
