// Reading a secret from the terminal without echo (see terminal_secret.h).
#include "host/terminal_secret.h"

#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>

namespace host {

std::string ReadSecretLine(const char* prompt, bool terminal) {
  termios before{};
  if (terminal) {
    std::cerr << prompt << std::flush;
    tcgetattr(STDIN_FILENO, &before);
    termios quiet = before;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (terminal) {
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &before);
    std::cerr << "\n";
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

bool SameSecretAgain(const char* prompt, const std::string& first) {
  std::string again = ReadSecretLine(prompt, true);
  bool same = again == first;
  ScrubSecret(again);
  return same;
}

void ScrubSecret(std::string& secret) {
  std::fill(secret.begin(), secret.end(), '\0');
  secret.clear();
}

}  // namespace host
