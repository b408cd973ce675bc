# Warnings and sanitizers, applied per target so that consumers of the installed package are unaffected.
if(ALUEVERKKO_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
# ThreadSanitizer, for the parallel algorithms: with clang and LLVM's OpenMP runtime, whose Archer
# tool (OMP_TOOL_LIBRARIES=libarcher.so) tells TSan about OpenMP's barriers and locks.
if(ALUEVERKKO_TSAN)
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
endif()

function(alueverkko_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic
                         $<$<BOOL:${ALUEVERKKO_WERROR}>:-Werror>)
endfunction()
