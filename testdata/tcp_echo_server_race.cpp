// Tutorial scenario: the TCP echo server with one thread per client, with the shared state left
// unguarded. Same program as tcp_echo_server_ok.cpp (loopback, bind(0), three clients, bounded)
// except that the handler threads, which run at the same time, append to the message log and
// bump the served-clients counter with no lock. Two writes race, each with itself on the other
// handlers: the log append and the counter increment, one finding each. The log's capacity is
// reserved up front, so the racing appends never reallocate: the race stays a race, not a crash.
// main's reads after joining the server are ordered and must not be reported.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

namespace {

constexpr int kClients = 3;
constexpr int kMessagesPerClient = 4;

struct LogEntry {
  int client_fd;
  long bytes;
};

// Shared by every handler thread, with no lock.
int clients_served = 0;
std::vector<LogEntry> server_log;

std::atomic<bool> stop_requested{false};

void handle_client(int fd) {
  char buf[256];
  ssize_t n;
  while ((n = recv(fd, buf, sizeof buf, 0)) > 0) {
    send(fd, buf, static_cast<size_t>(n), MSG_NOSIGNAL);
    server_log.push_back(LogEntry{fd, static_cast<long>(n)});  // expect[static]: data-race
  }
  close(fd);
  clients_served += 1;  // expect[static]: data-race
}

// Accepts until main asks it to stop (main then makes one last connection to wake accept()),
// one handler thread per client; joins the handlers before returning.
void serve(int listen_fd) {
  std::vector<std::thread> handlers;
  for (;;) {
    int fd = accept(listen_fd, nullptr, nullptr);
    if (fd < 0) break;
    if (stop_requested.load()) {
      close(fd);
      break;
    }
    handlers.emplace_back(handle_client, fd);
  }
  for (std::thread& h : handlers) {
    h.join();
  }
}

sockaddr_in loopback(int port) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return addr;
}

// Connects, sends `messages` lines and waits for each echo so every message arrives on its own.
void run_client(int port, int id, int messages) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  timeval limit{5, 0};  // a broken server must not hang the program
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  sockaddr_in addr = loopback(port);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    for (int i = 0; i < messages; ++i) {
      char line[64];
      int len = std::snprintf(line, sizeof line, "client %d message %d\n", id, i);
      send(fd, line, static_cast<size_t>(len), MSG_NOSIGNAL);
      char echo[64];
      recv(fd, echo, sizeof echo, 0);
    }
  }
  close(fd);
}

}  // namespace

int main() {
  int listen_fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr = loopback(0);
  socklen_t addr_len = sizeof addr;
  if (listen_fd < 0 || bind(listen_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      listen(listen_fd, 16) != 0 ||
      getsockname(listen_fd, reinterpret_cast<sockaddr*>(&addr), &addr_len) != 0) {
    std::perror("loopback listen");
    return 1;
  }
  const int port = ntohs(addr.sin_port);
  server_log.reserve(1024);
  std::thread server(serve, listen_fd);
  std::vector<std::thread> clients;
  for (int id = 0; id < kClients; ++id) {
    clients.emplace_back(run_client, port, id, kMessagesPerClient);
  }
  for (std::thread& c : clients) {
    c.join();
  }
  stop_requested.store(true);
  run_client(port, -1, 0);
  server.join();
  close(listen_fd);
  std::printf("served %d clients, logged %zu messages\n", clients_served, server_log.size());
  return 0;
}
