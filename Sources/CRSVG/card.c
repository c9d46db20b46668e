// Link-preview cards: an SVG refkit composed, drawn by librsvg onto white and written as an RGB
// PNG by libpng with fast settings. cairo's own PNG writer (zlib's default level on ARGB rows)
// took 19 ms of a card's 23; a card is flat colour, text and two logos, which deflate's fast
// levels without filtering pack nearly as small in a quarter of the time. Level 3 (the last of
// zlib's fast levels) takes as long as level 1 and writes 4% less (57.6 against 60.2 KB a card,
// 3.9 against 3.8 ms, over 60 cards); level 4 would save 6 KB more at twice the time.
#include "crsvg.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// The few declarations refkit uses, as libpng's and cairo's headers give them.
typedef void (*png_rw)(void *png, unsigned char *data, size_t length);
typedef void (*png_flush)(void *png);
typedef void (*png_message)(void *png, const char *message);
enum { PNG_COLOR_TYPE_RGB = 2, PNG_FILTER_NONE = 0x08, PNG_ALL_FILTERS = 0xF8, PNG_FILTER_TYPE_BASE = 0 };
enum { REFKIT_CARD_MAX_BYTES = 300 * 1024 };

static struct {
    const char *(*get_libpng_ver)(void *png);
    void *(*create_write_struct)(const char *version, void *error_ptr, png_message error, png_message warning);
    void *(*create_info_struct)(void *png);
    void (*set_write_fn)(void *png, void *io, png_rw write, png_flush flush);
    void *(*get_io_ptr)(void *png);
    void (*set_IHDR)(void *png, void *info, uint32_t width, uint32_t height, int depth, int color, int interlace, int compression, int filter);
    void (*set_compression_level)(void *png, int level);
    void (*set_filter)(void *png, int method, int filters);
    void (*write_info)(void *png, void *info);
    void (*write_row)(void *png, const unsigned char *row);
    void (*write_end)(void *png, void *info);
    void (*destroy_write_struct)(void **png, void **info);
    unsigned char *(*surface_get_data)(void *surface);
    int (*surface_get_stride)(void *surface);
    int loaded;
} png;

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void) {
    void *library = dlopen("libpng16.so.16", RTLD_NOW | RTLD_LOCAL);
    void *cairo = dlopen("libcairo.so.2", RTLD_NOW | RTLD_LOCAL);
    if (!library || !cairo) return;
    *(void **)&png.get_libpng_ver = dlsym(library, "png_get_libpng_ver");
    *(void **)&png.create_write_struct = dlsym(library, "png_create_write_struct");
    *(void **)&png.create_info_struct = dlsym(library, "png_create_info_struct");
    *(void **)&png.set_write_fn = dlsym(library, "png_set_write_fn");
    *(void **)&png.get_io_ptr = dlsym(library, "png_get_io_ptr");
    *(void **)&png.set_IHDR = dlsym(library, "png_set_IHDR");
    *(void **)&png.set_compression_level = dlsym(library, "png_set_compression_level");
    *(void **)&png.set_filter = dlsym(library, "png_set_filter");
    *(void **)&png.write_info = dlsym(library, "png_write_info");
    *(void **)&png.write_row = dlsym(library, "png_write_row");
    *(void **)&png.write_end = dlsym(library, "png_write_end");
    *(void **)&png.destroy_write_struct = dlsym(library, "png_destroy_write_struct");
    *(void **)&png.surface_get_data = dlsym(cairo, "cairo_image_surface_get_data");
    *(void **)&png.surface_get_stride = dlsym(cairo, "cairo_image_surface_get_stride");
    png.loaded = png.get_libpng_ver && png.create_write_struct && png.create_info_struct && png.set_write_fn && png.get_io_ptr
        && png.set_IHDR && png.set_compression_level && png.set_filter && png.write_info && png.write_row && png.write_end
        && png.destroy_write_struct && png.surface_get_data && png.surface_get_stride;
}

struct sink {
    void (*write)(void *context, const unsigned char *data, unsigned int length);
    void *context;
};

/// A PNG gathered in memory, so that one too large can be written again, smaller.
struct buffer {
    unsigned char *bytes;
    size_t size, capacity;
};

static void append(void *writer, unsigned char *data, size_t length) {
    struct buffer *buffer = png.get_io_ptr(writer);
    if (buffer->size + length > buffer->capacity) {
        size_t larger = buffer->capacity ? buffer->capacity * 2 : 1 << 18;
        while (larger < buffer->size + length) larger *= 2;
        buffer->bytes = realloc(buffer->bytes, larger);
        if (!buffer->bytes) abort();
        buffer->capacity = larger;
    }
    memcpy(buffer->bytes + buffer->size, data, length);
    buffer->size += length;
}

static void flush_nothing(void *writer) { (void)writer; }
static void ignore_warning(void *writer, const char *message) { (void)writer; (void)message; }

/// The opaque ARGB32 `surface` (`width` × `height`) as an RGB PNG in `buffer`, at zlib's `level`
/// with `filters`. libpng's errors end the helper (no error handler returns): refkit reads that as
/// a card it could not draw.
static void encode(void *surface, int width, int height, int level, int filters, struct buffer *buffer) {
    void *writer = png.create_write_struct(png.get_libpng_ver(NULL), NULL, NULL, ignore_warning);
    void *info = writer ? png.create_info_struct(writer) : NULL;
    unsigned char *row = malloc((size_t)width * 3);
    if (!writer || !info || !row) abort();
    buffer->size = 0;
    png.set_write_fn(writer, buffer, append, flush_nothing);
    png.set_IHDR(writer, info, (uint32_t)width, (uint32_t)height, 8, PNG_COLOR_TYPE_RGB, 0, 0, 0);
    png.set_compression_level(writer, level);
    png.set_filter(writer, PNG_FILTER_TYPE_BASE, filters);
    png.write_info(writer, info);
    const unsigned char *pixels = png.surface_get_data(surface);
    int stride = png.surface_get_stride(surface);
    for (int y = 0; y < height; y++) {
        const uint32_t *line = (const uint32_t *)(pixels + (size_t)y * (size_t)stride);
        for (int x = 0; x < width; x++) {
            row[3 * x] = (unsigned char)(line[x] >> 16);
            row[3 * x + 1] = (unsigned char)(line[x] >> 8);
            row[3 * x + 2] = (unsigned char)line[x];
        }
        png.write_row(writer, row);
    }
    png.write_end(writer, info);
    png.destroy_write_struct(&writer, &info);
    free(row);
}

/// A card's PNG: fast settings, and if that comes to 300 KB or more (a photograph for a logo),
/// zlib's best level with every filter (WhatsApp shows no image of 300 KB or more).
static void write_rgb_png(void *surface, int width, int height, void *context) {
    struct sink *sink = context;
    struct buffer buffer = {0};
    encode(surface, width, height, 3, PNG_FILTER_NONE, &buffer);
    if (buffer.size >= REFKIT_CARD_MAX_BYTES) encode(surface, width, height, 9, PNG_ALL_FILTERS, &buffer);
    sink->write(sink->context, buffer.bytes, (unsigned int)buffer.size);
    free(buffer.bytes);
}
int refkit_rsvg_card(const unsigned char *svg, size_t length, int width, int height,
                     void (*write)(void *context, const unsigned char *data, unsigned int length), void *context) {
    pthread_once(&once, load);
    if (!png.loaded) return 0;
    struct sink sink = {write, context};
    return refkit_rsvg_surface(svg, length, width, height, write_rgb_png, &sink);
}
