// SVG logos read and drawn in a process of their own, the helper refkit-draw (see crsvg.h): a
// logo that makes librsvg crash (librsvg 2.54 aborts on some filters), run for minutes or use
// gigabytes ends the helper, never refkit.
#define _GNU_SOURCE
#include "crsvg.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/// The helper's exit status when librsvg or cairo cannot be loaded.
enum { NO_LIBRARY_STATUS = 4 };

static long long now_ms(void) {
    struct timespec time;
    clock_gettime(CLOCK_MONOTONIC, &time);
    return (long long)time.tv_sec * 1000 + time.tv_nsec / 1000000;
}

/// What one run of the helper came to: its output, how it ended.
struct run {
    unsigned char *output;
    size_t size;
    int timed_out, started, exited, status;
};

/// Runs `helper` with `argv` (argv[0] is the helper), `input` on its fd 0 through a memory file
/// (no pipe to fill, so no writer to wait on and no SIGPIPE), gathering its fd 1 until it closes
/// or `milliseconds` pass (then it is killed).
static struct run run_helper(const char *helper, char *const argv[], const unsigned char *input, size_t length, int milliseconds) {
    struct run run = {0};
    int memory = memfd_create("refkit-logo", MFD_CLOEXEC);
    if (memory < 0) return run;
    for (size_t written = 0; written < length;) {
        ssize_t count = pwrite(memory, input + written, length - written, (off_t)written);
        if (count < 0 && errno == EINTR) continue;
        if (count <= 0) { close(memory); return run; }
        written += (size_t)count;
    }
    int output[2];
    if (pipe2(output, O_CLOEXEC) != 0) { close(memory); return run; }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, memory, 0);
    posix_spawn_file_actions_adddup2(&actions, output[1], 1);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    // Signals as a fresh process has them (refkit may ignore Ctrl-C while it cleans up), none blocked.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t all, none;
    sigfillset(&all);
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&attributes, &all);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    pid_t pid;
    int spawned = posix_spawn(&pid, helper, &actions, &attributes, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    close(memory);
    close(output[1]);
    if (spawned != 0) { close(output[0]); return run; }
    run.started = 1;

    size_t capacity = 0;
    int failed = 0;
    long long deadline = now_ms() + milliseconds;
    for (;;) {
        long long left = deadline - now_ms();
        if (left <= 0) { run.timed_out = 1; break; }
        struct pollfd ready = {output[0], POLLIN, 0};
        int polled = poll(&ready, 1, (int)(left > 60000 ? 60000 : left));
        if (polled < 0 && errno == EINTR) continue;
        if (polled < 0) { failed = 1; break; }
        if (polled == 0) continue;
        if (run.size + 65536 > capacity) {
            size_t larger = capacity ? capacity * 2 : 65536;
            unsigned char *grown = realloc(run.output, larger);
            if (!grown) { failed = 1; break; }
            run.output = grown;
            capacity = larger;
        }
        ssize_t count = read(output[0], run.output + run.size, capacity - run.size);
        if (count < 0 && errno == EINTR) continue;
        if (count < 0) { failed = 1; break; }
        if (count == 0) break;
        run.size += (size_t)count;
    }
    close(output[0]);
    if (run.timed_out || failed) kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    run.exited = !failed && WIFEXITED(status);
    run.status = run.exited ? WEXITSTATUS(status) : -1;
    return run;
}

static enum refkit_draw_outcome ended(struct run run) {
    if (!run.started || (run.exited && run.status == 127)) return REFKIT_NO_HELPER;
    if (run.timed_out) return REFKIT_TOO_SLOW;
    if (run.exited && run.status == NO_LIBRARY_STATUS) return REFKIT_NO_LIBRARY;
    return REFKIT_UNDRAWABLE;
}

enum refkit_draw_outcome refkit_rsvg_png_apart(const char *helper, const unsigned char *svg, size_t length, int width, int height,
                                               int inset, int on_white, int milliseconds,
                                               void (*write)(void *context, const unsigned char *data, unsigned int length),
                                               void *context) {
    char numbers[4][16];
    snprintf(numbers[0], sizeof numbers[0], "%d", width);
    snprintf(numbers[1], sizeof numbers[1], "%d", height);
    snprintf(numbers[2], sizeof numbers[2], "%d", inset);
    snprintf(numbers[3], sizeof numbers[3], "%d", on_white ? 1 : 0);
    char *argv[] = {(char *)helper, "draw", numbers[0], numbers[1], numbers[2], numbers[3], NULL};
    struct run run = run_helper(helper, argv, svg, length, milliseconds);
    enum refkit_draw_outcome outcome = ended(run);
    if (run.exited && run.status == 0 && run.size > 0) {
        write(context, run.output, (unsigned int)run.size);
        outcome = REFKIT_DRAWN;
    }
    free(run.output);
    return outcome;
}

/// `count` SVGs from `first` on, each as "LENGTH\n" and its bytes (the helper's framing).
static unsigned char *framed(const unsigned char *const *svgs, const size_t *lengths, size_t first, size_t count, size_t *size) {
    size_t total = 0;
    for (size_t at = first; at < count; at++) total += lengths[at] + 24;
    unsigned char *input = malloc(total ? total : 1);
    if (!input) return NULL;
    *size = 0;
    for (size_t at = first; at < count; at++) {
        *size += (size_t)snprintf((char *)input + *size, 24, "%zu\n", lengths[at]);
        memcpy(input + *size, svgs[at], lengths[at]);
        *size += lengths[at];
    }
    return input;
}

void refkit_rsvg_read_apart(const char *helper, const unsigned char *const *svgs, const size_t *lengths, size_t count,
                            int milliseconds, enum refkit_draw_outcome *outcomes) {
    size_t first = 0;
    while (first < count) {
        size_t size;
        unsigned char *input = framed(svgs, lengths, first, count, &size);
        if (!input) { for (size_t at = first; at < count; at++) outcomes[at] = REFKIT_NO_HELPER; return; }
        char *argv[] = {(char *)helper, "read", NULL};
        struct run run = run_helper(helper, argv, input, size, milliseconds);
        free(input);
        // One character per logo read ('1' readable, '0' not), in order: those it answered.
        size_t answered = 0;
        for (; answered < run.size && first + answered < count; answered++) {
            outcomes[first + answered] = run.output[answered] == '1' ? REFKIT_DRAWN : REFKIT_UNDRAWABLE;
        }
        free(run.output);
        first += answered;
        if (first >= count) return;
        // The helper stopped before answering the next logo: that one timed it out or crashed it
        // (or nothing could be read at all); the rest are read again by a new helper.
        enum refkit_draw_outcome outcome = ended(run);
        if (outcome == REFKIT_NO_HELPER || outcome == REFKIT_NO_LIBRARY) {
            for (size_t at = first; at < count; at++) outcomes[at] = outcome;
            return;
        }
        outcomes[first++] = outcome;
    }
}

void refkit_rsvg_cards_apart(const char *helper, const unsigned char *const *svgs, const size_t *lengths, size_t count,
                             int width, int height, int milliseconds, enum refkit_draw_outcome *outcomes,
                             void (*drawn)(void *context, size_t index, const unsigned char *data, size_t length), void *context) {
    char numbers[2][16];
    snprintf(numbers[0], sizeof numbers[0], "%d", width);
    snprintf(numbers[1], sizeof numbers[1], "%d", height);
    size_t first = 0;
    while (first < count) {
        size_t size;
        unsigned char *input = framed(svgs, lengths, first, count, &size);
        if (!input) { for (size_t at = first; at < count; at++) outcomes[at] = REFKIT_NO_HELPER; return; }
        char *argv[] = {(char *)helper, "cards", numbers[0], numbers[1], NULL};
        long long limit = (long long)milliseconds * (long long)(count - first);
        struct run run = run_helper(helper, argv, input, size, (int)(limit > 3600000 ? 3600000 : limit));
        free(input);
        // "LENGTH\n" and the PNG for each card answered, in order; a card cut short is not answered.
        size_t at = 0;
        while (first < count && at < run.size) {
            char *end;
            unsigned long long length = strtoull((const char *)run.output + at, &end, 10);
            if (end >= (char *)run.output + run.size || *end != '\n') break;
            size_t start = (size_t)(end + 1 - (char *)run.output);
            if (start + length > run.size) break;
            if (length > 0) drawn(context, first, run.output + start, (size_t)length);
            outcomes[first++] = length > 0 ? REFKIT_DRAWN : REFKIT_UNDRAWABLE;
            at = start + (size_t)length;
        }
        free(run.output);
        if (first >= count) return;
        // The helper stopped before answering the next card: that one timed it out or crashed it
        // (or nothing could be drawn at all); the rest are drawn by a new helper.
        enum refkit_draw_outcome outcome = ended(run);
        if (outcome == REFKIT_NO_HELPER || outcome == REFKIT_NO_LIBRARY || outcome == REFKIT_TOO_SLOW) {
            for (size_t rest = first; rest < count; rest++) outcomes[rest] = outcome;
            return;
        }
        outcomes[first++] = outcome;
    }
}

// ---- The helper ----

static void write_to_stdout(void *context, const unsigned char *data, unsigned int length) {
    (void)context;
    fwrite(data, 1, length, stdout);
}

/// A card's PNG, gathered before its length is written.
struct png_buffer {
    unsigned char *bytes;
    size_t size, capacity;
    int failed;
};

static void append_png(void *context, const unsigned char *data, unsigned int length) {
    struct png_buffer *buffer = context;
    if (buffer->size + length > buffer->capacity) {
        size_t larger = buffer->capacity ? buffer->capacity : 1 << 18;
        while (larger < buffer->size + length) larger *= 2;
        unsigned char *grown = realloc(buffer->bytes, larger);
        if (!grown) { buffer->failed = 1; return; }
        buffer->bytes = grown;
        buffer->capacity = larger;
    }
    memcpy(buffer->bytes + buffer->size, data, length);
    buffer->size += length;
}

/// All of fd 0 (at most 64 MB: no logo is that large), or NULL.
static unsigned char *read_input(size_t *size) {
    size_t capacity = 1 << 16;
    unsigned char *bytes = malloc(capacity);
    *size = 0;
    for (;;) {
        if (!bytes) return NULL;
        if (*size == capacity) {
            if (capacity >= (64u << 20)) { free(bytes); return NULL; }
            capacity *= 2;
            unsigned char *grown = realloc(bytes, capacity);
            if (!grown) free(bytes);
            bytes = grown;
            continue;
        }
        ssize_t count = read(0, bytes + *size, capacity - *size);
        if (count < 0 && errno == EINTR) continue;
        if (count < 0) { free(bytes); return NULL; }
        if (count == 0) return bytes;
        *size += (size_t)count;
    }
}

int refkit_draw_main(int argc, char **argv) {
    // Ends with refkit (a killed build leaves no drawing behind), and within set bounds whatever
    // the logo asks: 2 GB of memory, a minute of CPU (refkit's own limit is shorter).
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() == 1) return 3;
    struct rlimit memory = {2UL << 30, 2UL << 30}, cpu = {60, 60};
    setrlimit(RLIMIT_AS, &memory);
    setrlimit(RLIMIT_CPU, &cpu);
    int drawing = argc == 6 && strcmp(argv[1], "draw") == 0, reading = argc == 2 && strcmp(argv[1], "read") == 0;
    int cards = argc == 4 && strcmp(argv[1], "cards") == 0;
    if (!drawing && !reading && !cards) {
        fprintf(stderr, "refkit-draw: refkit runs this helper to read and draw SVG logos; it is not run by hand\n");
        return 2;
    }
    if (!refkit_rsvg_available()) return NO_LIBRARY_STATUS;
    size_t size;
    unsigned char *input = read_input(&size);
    if (!input) return 1;
    if (drawing) {
        int ok = refkit_rsvg_png(input, size, atoi(argv[2]), atoi(argv[3]), atoi(argv[4]), atoi(argv[5]), write_to_stdout, NULL);
        return fflush(stdout) == 0 && ok ? 0 : 1;
    }
    // Reading and cards: "LENGTH\n" and that many bytes, for each logo or card; one answer each,
    // as soon as known (so a crash on one says which).
    struct png_buffer buffer = {0};
    for (size_t at = 0; at < size;) {
        char *end;
        unsigned long long length = strtoull((const char *)input + at, &end, 10);
        if (*end != '\n' || (size_t)(end + 1 - (char *)input) + length > size) return 1;
        at = (size_t)(end + 1 - (char *)input);
        if (cards) {
            buffer.size = 0;
            int ok = refkit_rsvg_card(input + at, (size_t)length, atoi(argv[2]), atoi(argv[3]), append_png, &buffer) && !buffer.failed;
            printf("%zu\n", ok ? buffer.size : 0);
            if (ok) fwrite(buffer.bytes, 1, buffer.size, stdout);
        } else {
            putchar(refkit_rsvg_readable(input + at, (size_t)length) ? '1' : '0');
        }
        fflush(stdout);
        at += (size_t)length;
    }
    return 0;
}
