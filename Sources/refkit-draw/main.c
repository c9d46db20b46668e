// refkit-draw: draws one SVG logo into PNG for the e-mail, in a process of its own, so that a logo
// that crashes librsvg or draws for minutes ends this helper, never refkit (see crsvg.h).
#include "crsvg.h"

int main(int argc, char **argv) { return refkit_draw_main(argc, argv); }
