// An answer in words, as Review shows it and speech reads it ("Yes", "Acne scars, Stretch marks",
// "14 May 1990", "9 months"), in the client's language.
#pragma once

#include <string>

#include "core/base/date.h"
#include "core/content/content.h"
#include "core/visit/session.h"

namespace core {

// A date as the client reads it ("14 May 1988" / "14 de mayo de 1988", ui.date_format).
std::string DateText(const Content& content, const std::string& lang, const Date& d);

// A stored answer: yes/no, an option's label, a list of them, a date, a number with its unit, a text.
std::string AnswerText(const Content& content, const std::string& lang, const Question& q, const Answer& a);

}  // namespace core
