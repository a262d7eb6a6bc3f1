# Script mode helper for cqc_embed: writes OUT as a C++ file holding IN's bytes as hex.
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" n)
math(EXPR bytes "${n} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," body "${hex}")
file(WRITE "${OUT}" "// Generated from ${IN}; do not edit.\n#include <string_view>\nnamespace cqc::embedded {\nstatic const char data_[] = {${body} 0};\nextern const std::string_view ${SYMBOL};\nconst std::string_view ${SYMBOL}(data_, ${bytes});\n}\n")
