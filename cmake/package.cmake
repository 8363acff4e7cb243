# The Debian package (ci/package.sh -> apiconform_<version>_amd64.deb): what `cmake --install`
# puts under /usr, depending on the runtime libraries the binary links, as dpkg-shlibdeps
# computes them (libcurl4, libyaml-cpp0.7, libyaml-0-2, libcpp-httplib0.11, libstdc++6, ...), never on -dev
# packages or build tools. docs/install.md.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME apiconform)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "conformance tests for endpoints compatible with the Anthropic Messages API")
set(CPACK_PACKAGE_DESCRIPTION
  "apiconform sends a suite of YAML cases to an endpoint that claims compatibility with the\nAnthropic Messages API and reports every difference: status codes, error envelopes,\nschemas, event streams, token counts. Ships the suite, schemas and provider profiles.")
set(CPACK_PACKAGE_CONTACT "apiconform maintainers <apiconform@users.noreply.github.com>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/package)
include(CPack)
