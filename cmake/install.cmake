# `cmake --install` and the Debian package (docs/install.md): the binary in bin/, the suite
# (cases, schemas with the stream grammars, provider profiles) in share/apiconform/, the docs in
# share/doc/apiconform/. Only what the binary reads at run time is installed: the generators and
# the OpenAPI sources the schemas are built from stay in the repository.
install(TARGETS apiconform RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY cases/ DESTINATION ${CMAKE_INSTALL_DATADIR}/apiconform/cases
  FILES_MATCHING PATTERN "*.yaml" PATTERN "*.yml" PATTERN "VERSION")
install(DIRECTORY schemas/ DESTINATION ${CMAKE_INSTALL_DATADIR}/apiconform/schemas
  FILES_MATCHING PATTERN "*.json" PATTERN "*.yaml" PATTERN "*.md" PATTERN "spec" EXCLUDE)
install(DIRECTORY providers/ DESTINATION ${CMAKE_INSTALL_DATADIR}/apiconform/providers
  FILES_MATCHING PATTERN "*.yaml")
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs DESTINATION ${CMAKE_INSTALL_DOCDIR})  # docs/ beside README.md, as its links expect

# The man page and the bash, zsh and fish completions, written by the binary from its own CLI
# definition (`apiconform generate`, harness/cli/cli_spec.hpp) at build time, so they always match.
set(ac_shell_dir ${CMAKE_BINARY_DIR}/generated/share)
set(ac_man_page ${ac_shell_dir}/apiconform.1)
set(ac_bash_completion ${ac_shell_dir}/apiconform.bash)
set(ac_zsh_completion ${ac_shell_dir}/_apiconform)
set(ac_fish_completion ${ac_shell_dir}/apiconform.fish)
add_custom_command(
  OUTPUT ${ac_man_page} ${ac_bash_completion} ${ac_zsh_completion} ${ac_fish_completion}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${ac_shell_dir}
  COMMAND apiconform generate man --out ${ac_man_page}
  COMMAND apiconform generate complete-bash --out ${ac_bash_completion}
  COMMAND apiconform generate complete-zsh --out ${ac_zsh_completion}
  COMMAND apiconform generate complete-fish --out ${ac_fish_completion}
  DEPENDS apiconform
  COMMENT "Generating the man page and shell completions" VERBATIM)
add_custom_target(apiconform_shell_files ALL DEPENDS ${ac_man_page} ${ac_bash_completion} ${ac_zsh_completion} ${ac_fish_completion})
install(FILES ${ac_man_page} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${ac_bash_completion} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME apiconform)
install(FILES ${ac_zsh_completion} DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${ac_fish_completion} DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
