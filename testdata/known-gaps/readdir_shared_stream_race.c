// readdir on ONE directory stream from two threads: both scanners share the global DIR * and
// call readdir on it at the same time; the entry one returns may be overwritten by the other's
// next call. One thread-unsafe-call finding on the call (both threads run it). readdir on
// different streams is safe (readdir_own_stream_ok.c).
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static DIR *scan_dir;

static void *scan(void *arg) {
  (void)arg;
  long names = 0;
  struct dirent *entry;
  while ((entry = readdir(scan_dir)) != NULL) {  // expect[static]: thread-unsafe-call
    if (strcmp(entry->d_name, ".") != 0) names += 1;
  }
  return (void *)names;
}

int main(void) {
  scan_dir = opendir("/");
  if (scan_dir == NULL) return 1;
  pthread_t a, b;
  if (pthread_create(&a, NULL, scan, NULL) != 0) return 1;
  if (pthread_create(&b, NULL, scan, NULL) != 0) return 1;
  void *na = NULL, *nb = NULL;
  pthread_join(a, &na);
  pthread_join(b, &nb);
  closedir(scan_dir);
  printf("%ld entries\n", (long)na + (long)nb);
  return 0;
}
