/* The module is a header only; SwiftPM needs one source file to build it. */
#include "CSpawn.h"
