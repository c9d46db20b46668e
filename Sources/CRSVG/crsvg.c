#include "crsvg.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>

// The few declarations refkit uses, as librsvg's and cairo's headers give them.
typedef struct { uint32_t domain; int code; char *message; } GError;
typedef struct { double x, y, width, height; } RsvgRectangle;
typedef int cairo_status_t;  // CAIRO_STATUS_SUCCESS is 0
typedef cairo_status_t (*cairo_write_func_t)(void *closure, const unsigned char *data, unsigned int length);
enum { CAIRO_FORMAT_ARGB32 = 0, CAIRO_STATUS_SUCCESS = 0, CAIRO_STATUS_WRITE_ERROR = 11 };

static struct {
    void *(*handle_new_from_data)(const uint8_t *data, size_t length, GError **error);
    int (*render_document)(void *handle, void *cairo, const RsvgRectangle *viewport, GError **error);
    void (*object_unref)(void *object);
    void (*error_free)(GError *error);
    void *(*image_surface_create)(int format, int width, int height);
    cairo_status_t (*surface_status)(void *surface);
    void *(*create)(void *surface);
    void (*set_source_rgb)(void *cairo, double red, double green, double blue);
    void (*paint)(void *cairo);
    void (*surface_flush)(void *surface);
    cairo_status_t (*write_to_png_stream)(void *surface, cairo_write_func_t write, void *closure);
    void (*destroy)(void *cairo);
    void (*surface_destroy)(void *surface);
    int loaded;
} lib;

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void) {
    void *rsvg = dlopen("librsvg-2.so.2", RTLD_NOW | RTLD_LOCAL);
    void *cairo = dlopen("libcairo.so.2", RTLD_NOW | RTLD_LOCAL);
    void *gobject = dlopen("libgobject-2.0.so.0", RTLD_NOW | RTLD_LOCAL);
    void *glib = dlopen("libglib-2.0.so.0", RTLD_NOW | RTLD_LOCAL);
    if (!rsvg || !cairo || !gobject || !glib) return;
    *(void **)&lib.handle_new_from_data = dlsym(rsvg, "rsvg_handle_new_from_data");
    *(void **)&lib.render_document = dlsym(rsvg, "rsvg_handle_render_document");
    *(void **)&lib.object_unref = dlsym(gobject, "g_object_unref");
    *(void **)&lib.error_free = dlsym(glib, "g_error_free");
    *(void **)&lib.image_surface_create = dlsym(cairo, "cairo_image_surface_create");
    *(void **)&lib.surface_status = dlsym(cairo, "cairo_surface_status");
    *(void **)&lib.create = dlsym(cairo, "cairo_create");
    *(void **)&lib.set_source_rgb = dlsym(cairo, "cairo_set_source_rgb");
    *(void **)&lib.paint = dlsym(cairo, "cairo_paint");
    *(void **)&lib.surface_flush = dlsym(cairo, "cairo_surface_flush");
    *(void **)&lib.write_to_png_stream = dlsym(cairo, "cairo_surface_write_to_png_stream");
    *(void **)&lib.destroy = dlsym(cairo, "cairo_destroy");
    *(void **)&lib.surface_destroy = dlsym(cairo, "cairo_surface_destroy");
    lib.loaded = lib.handle_new_from_data && lib.render_document && lib.object_unref && lib.error_free
        && lib.image_surface_create && lib.surface_status && lib.create && lib.set_source_rgb && lib.paint
        && lib.surface_flush && lib.write_to_png_stream && lib.destroy && lib.surface_destroy;
}

int refkit_rsvg_available(void) {
    pthread_once(&once, load);
    return lib.loaded;
}

static void *open_svg(const unsigned char *svg, size_t length) {
    GError *error = NULL;
    void *handle = lib.handle_new_from_data(svg, length, &error);
    if (error) lib.error_free(error);
    return handle;
}

int refkit_rsvg_readable(const unsigned char *svg, size_t length) {
    if (!refkit_rsvg_available()) return 0;
    void *handle = open_svg(svg, length);
    if (!handle) return 0;
    lib.object_unref(handle);
    return 1;
}

struct sink {
    void (*write)(void *context, const unsigned char *data, unsigned int length);
    void *context;
};

static cairo_status_t write_png(void *closure, const unsigned char *data, unsigned int length) {
    struct sink *sink = closure;
    sink->write(sink->context, data, length);
    return CAIRO_STATUS_SUCCESS;
}

/// Draws `svg` into a new `width` × `height` surface (on white when `on_white`, `inset` in from
/// its edges) and hands it to `use`; 0 when it could not be read or drawn.
static int draw(const unsigned char *svg, size_t length, int width, int height, int inset, int on_white,
                int (*use)(void *surface, int width, int height, void *context), void *context) {
    if (!refkit_rsvg_available()) return 0;
    void *handle = open_svg(svg, length);
    if (!handle) return 0;
    int ok = 0;
    void *surface = lib.image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
    if (surface && lib.surface_status(surface) == CAIRO_STATUS_SUCCESS) {
        void *cairo = lib.create(surface);
        if (on_white) {
            lib.set_source_rgb(cairo, 1, 1, 1);
            lib.paint(cairo);
        }
        RsvgRectangle viewport = {inset, inset, width - 2.0 * inset, height - 2.0 * inset};
        GError *error = NULL;
        if (lib.render_document(handle, cairo, &viewport, &error)) {
            lib.surface_flush(surface);
            ok = use(surface, width, height, context);
        }
        if (error) lib.error_free(error);
        lib.destroy(cairo);
    }
    if (surface) lib.surface_destroy(surface);
    lib.object_unref(handle);
    return ok;
}

static int write_cairo_png(void *surface, int width, int height, void *context) {
    (void)width;
    (void)height;
    return lib.write_to_png_stream(surface, write_png, context) == CAIRO_STATUS_SUCCESS;
}

int refkit_rsvg_png(const unsigned char *svg, size_t length, int width, int height, int inset, int on_white,
                    void (*write)(void *context, const unsigned char *data, unsigned int length), void *context) {
    struct sink sink = {write, context};
    return draw(svg, length, width, height, inset, on_white, write_cairo_png, &sink);
}

struct surface_use {
    void (*use)(void *surface, int width, int height, void *context);
    void *context;
};

static int use_surface(void *surface, int width, int height, void *context) {
    struct surface_use *use = context;
    use->use(surface, width, height, use->context);
    return 1;
}

int refkit_rsvg_surface(const unsigned char *svg, size_t length, int width, int height,
                        void (*use)(void *surface, int width, int height, void *context), void *context) {
    struct surface_use surface_use = {use, context};
    return draw(svg, length, width, height, 0, 1, use_surface, &surface_use);
}
