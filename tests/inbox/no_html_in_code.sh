#!/bin/sh
# The staff pages come from templates (kiosk/inbox/templates/*.mustache), which escape every value: fails,
# naming each line, when the inbox's C++ holds an HTML tag (markup put together in code) or a template
# prints a value unescaped ({{{name}}} or {{&name}}). $1: kiosk/inbox.
tags='<(!doctype|/?(html|head|title|meta|link|style|script|body|main|header|footer|nav|section|article|div|p|a|b|i'
tags="$tags"'|em|br|span|table|thead|tbody|tr|td|th|form|input|select|option|textarea|button|label|ul|ol|li|dl|dt'
tags="$tags"'|dd|h[1-6]|figure|figcaption|img|strong|code|pre|small))[ >/]'
code=$(ls "$1"/*.cpp "$1"/*.h "$1"/rules/*.cpp "$1"/rules/*.h)
status=0
if grep -inE "$tags" $code; then
  echo "FAIL: HTML in the inbox's C++ (above): put it in a template under $1/templates"
  status=1
fi
if grep -nE '\{\{\{|\{\{ *&' "$1"/templates/*.mustache; then
  echo "FAIL: a value printed unescaped in a template (above)"
  status=1
fi
[ $status = 0 ] && echo "no HTML in $(echo "$code" | wc -l) files of $1; $(ls "$1"/templates/*.mustache | wc -l) templates escape every value"
exit $status
