/* cycle: the least a mock-server lifecycle (bench.c scenario a) can cost on this machine, in plain C with no
 * library: per cycle a listening socket on port 0, one connection from the calling thread, one request read and
 * a fixed response written by a server thread waiting in epoll (as a mock server's thread must), the client's
 * reset, the listener closed. No pact, no parsing, no matching, no allocation. Prints the median of 5 rounds of
 * 2 s, in microseconds per cycle, wall and CPU. Used by floor.sh (see ../SIZE.md and ../README.md). */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int ep;

static const char response[] =
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"ok\":true}";

static void *serve(void *arg) {
  (void)arg;
  char buf[4096];
  for (;;) {
    struct epoll_event ev;
    if (epoll_wait(ep, &ev, 1, -1) != 1) continue;
    int c = accept4(ev.data.fd, NULL, NULL, SOCK_CLOEXEC);
    if (c < 0) continue;
    ssize_t n = read(c, buf, sizeof buf); /* the request follows the connect at once */
    if (n > 0 && write(c, response, sizeof response - 1) < 0) perror("write");
    close(c);
  }
  return NULL;
}

static double now_us(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static double cpu_us(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e6 + ru.ru_utime.tv_usec + ru.ru_stime.tv_usec;
}

static int one_cycle(void) {
  int l = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  socklen_t len = sizeof a;
  int one = 1;
  setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (bind(l, (struct sockaddr *)&a, sizeof a) || listen(l, 128) || getsockname(l, (struct sockaddr *)&a, &len))
    return -1;
  struct epoll_event ev = {.events = EPOLLIN | EPOLLONESHOT, .data.fd = l};
  epoll_ctl(ep, EPOLL_CTL_ADD, l, &ev);

  int c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (connect(c, (struct sockaddr *)&a, sizeof a)) return -1;
  static const char request[] = "GET /items/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n";
  if (write(c, request, sizeof request - 1) < 0) return -1;
  char buf[4096];
  ssize_t got = 0, n;
  while ((n = read(c, buf + got, sizeof buf - got)) > 0) got += n; /* the server closes after answering */
  struct linger lg = {1, 0};
  setsockopt(c, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
  close(c);
  epoll_ctl(ep, EPOLL_CTL_DEL, l, NULL);
  close(l);
  return got > 12 && memcmp(buf, "HTTP/1.1 200", 12) == 0 ? 0 : -1;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(void) {
  ep = epoll_create1(EPOLL_CLOEXEC);
  pthread_t t;
  pthread_create(&t, NULL, serve, NULL);
  for (int i = 0; i < 200; i++)
    if (one_cycle()) {
      fprintf(stderr, "cycle: a cycle failed\n");
      return 1;
    }
  double wall[5], cpu[5];
  for (int r = 0; r < 5; r++) {
    double t0 = now_us(), c0 = cpu_us(), t1;
    long n = 0;
    do {
      if (one_cycle()) {
        fprintf(stderr, "cycle: a cycle failed\n");
        return 1;
      }
      n++;
    } while ((t1 = now_us()) - t0 < 2e6);
    wall[r] = (t1 - t0) / n;
    cpu[r] = (cpu_us() - c0) / n;
  }
  qsort(wall, 5, sizeof wall[0], cmp);
  qsort(cpu, 5, sizeof cpu[0], cmp);
  printf("%.1f %.1f\n", wall[2], cpu[2]);
  return 0;
}
