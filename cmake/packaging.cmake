# `./dev package`: a Debian package of the dashboard, the CLI and everything they ship (CPack DEB).
# Runtime dependencies come from the binaries (dpkg-shlibdeps), plus what Qt loads at run time
# and the fonts the Chinese interface needs. The package is checked by tests/scripts/package_check.py.
include(GNUInstallDirs)

# Debian policy: a copyright file and a compressed changelog.Debian (a packaged, non-native
# version) in /usr/share/doc/<package>.
set(JEVONS_DOC_DIR ${CMAKE_INSTALL_DATADIR}/doc/jevons)
install(FILES ${PROJECT_SOURCE_DIR}/resources/debian/copyright DESTINATION ${JEVONS_DOC_DIR})
set(changelog_gz ${PROJECT_BINARY_DIR}/changelog.Debian.gz)
add_custom_command(OUTPUT ${changelog_gz}
  COMMAND gzip -n -9 -c ${PROJECT_SOURCE_DIR}/resources/debian/changelog > ${changelog_gz}
  DEPENDS ${PROJECT_SOURCE_DIR}/resources/debian/changelog VERBATIM)
add_custom_target(jevons_changelog ALL DEPENDS ${changelog_gz})
install(FILES ${changelog_gz} DESTINATION ${JEVONS_DOC_DIR})
# The manual pages of the two commands.
foreach(page jevons.1 jevons-cli.1)
  set(page_gz ${PROJECT_BINARY_DIR}/${page}.gz)
  add_custom_command(OUTPUT ${page_gz}
    COMMAND gzip -n -9 -c ${PROJECT_SOURCE_DIR}/resources/man/${page} > ${page_gz}
    DEPENDS ${PROJECT_SOURCE_DIR}/resources/man/${page} VERBATIM)
  list(APPEND man_pages ${page_gz})
endforeach()
add_custom_target(jevons_man_pages ALL DEPENDS ${man_pages})
install(FILES ${man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME jevons)
set(CPACK_PACKAGE_VENDOR "The Jevons developers")
# Whoever builds the package for distribution sets the maintainer (-DJEVONS_PACKAGE_MAINTAINER=…).
set(JEVONS_PACKAGE_MAINTAINER "Jevons developers <jevons@example.org>"
    CACHE STRING "Maintainer field of the Debian package")
set(CPACK_PACKAGE_CONTACT "${JEVONS_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "dashboard for AI-hardware market forecasts")
# CPack puts the summary on the Description line; this is the extended description below it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Jevons opens a market forecast (assumptions, series, charts and scenarios in
a JSON file), lets a strategist edit its assumptions and watch every chart
follow, compare bull, base and bear cases, simulate ranges (Monte Carlo fan
charts, tornado, goal seek), fit curves to actuals, present full screen in
English or Chinese, and export native PowerPoint decks. jevons-cli runs the
same core from scripts.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded at run time, so dpkg-shlibdeps cannot see them: the SVG icon engine (libqt6svg6 is
# linked anyway) and the Chinese fonts of the zh interface and decks.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libreoffice-impress")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
    GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
include(CPack)
