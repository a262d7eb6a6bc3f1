# Build settings shared by every target, as an INTERFACE library (ccache's pattern).
add_library(cqc_settings INTERFACE)
target_include_directories(cqc_settings INTERFACE ${PROJECT_SOURCE_DIR})
target_compile_options(cqc_settings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused
  -Woverloaded-virtual -Wimplicit-fallthrough)
if(CQC_WERROR)
  target_compile_options(cqc_settings INTERFACE -Werror)
endif()
if(CQC_SANITIZE)
  target_compile_options(cqc_settings INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(cqc_settings INTERFACE -fsanitize=address,undefined)
endif()
