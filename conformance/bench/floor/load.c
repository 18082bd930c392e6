/* load: dlopen a library, call its pactffi_version, wait 200 ms (the Go runtime's background start-up), print
 * VmHWM in kB. Used by floor.sh. */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: load LIBRARY\n");
    return 2;
  }
  void *lib = dlopen(argv[1], RTLD_NOW);
  if (!lib) {
    fprintf(stderr, "load: %s\n", dlerror());
    return 1;
  }
  const char *(*version)(void) = (const char *(*)(void))dlsym(lib, "pactffi_version");
  if (!version) {
    fprintf(stderr, "load: no pactffi_version in %s\n", argv[1]);
    return 1;
  }
  version();
  usleep(200000);
  FILE *status = fopen("/proc/self/status", "r");
  char line[256];
  while (status && fgets(line, sizeof line, status)) {
    long kb;
    if (sscanf(line, "VmHWM: %ld kB", &kb) == 1) printf("%ld\n", kb);
  }
  return 0;
}
