#ifndef YANXIU_CSPAWN_H
#define YANXIU_CSPAWN_H

#include <spawn.h>

/* In glibc since 2.34, but declared only for _GNU_SOURCE/_DEFAULT_SOURCE builds, which the
   Glibc module Swift imports is not: closes every descriptor from `from` up in the child. */
extern int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);

#endif
