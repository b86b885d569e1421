// A password or PIN typed at a terminal for a command-line tool (kiosk set-pin, intake-inbox add-user):
// read without echo when stdin is a terminal, asked a second time to confirm, and scrubbed after use.
#pragma once

#include <string>

namespace host {

// One line from stdin, without its line end; the prompt (on stderr) and echo off only when `terminal`.
std::string ReadSecretLine(const char* prompt, bool terminal);

// Asks for the secret again (echo off) and compares it with `first`; the second copy is scrubbed.
bool SameSecretAgain(const char* prompt, const std::string& first);

// Overwrites a secret's bytes before the string is dropped.
void ScrubSecret(std::string& secret);

}  // namespace host
