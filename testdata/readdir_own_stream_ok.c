// readdir from several threads, each on its own directory stream: every scanner opens the
// directory itself and walks its own DIR *. glibc (and POSIX.1-2024) make readdir safe on
// different streams: nothing may be reported.
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static void *scan(void *arg) {
  DIR *dir = opendir(arg);
  if (dir == NULL) return NULL;
  long names = 0;
  struct dirent *entry;
  while ((entry = readdir(dir)) != NULL) {
    if (strcmp(entry->d_name, ".") != 0) names += 1;
  }
  closedir(dir);
  return (void *)names;
}

int main(void) {
  pthread_t a, b;
  if (pthread_create(&a, NULL, scan, "/") != 0) return 1;
  if (pthread_create(&b, NULL, scan, "/") != 0) return 1;
  void *na = NULL, *nb = NULL;
  pthread_join(a, &na);
  pthread_join(b, &nb);
  printf("%ld entries\n", (long)na + (long)nb);
  return 0;
}
