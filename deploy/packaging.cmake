# Debian packages with CPack (`cpack -G DEB` in the build directory): glowup-kiosk (the kiosk, its sender,
# the cage session on tty1) and, when the intake-inbox target exists, glowup-kiosk-inbox.
# Paths match kiosk/app/paths.cpp: /etc/glowup-kiosk, /usr/share/glowup-kiosk/content, /var/lib/glowup-kiosk.
if(NOT TARGET kiosk)
  return()  # KIOSK_UI=OFF (the sanitizer build): nothing to package
endif()
set(KIOSK_PACKAGE glowup-kiosk)
set(KIOSK_DEPLOY_DIR ${CMAKE_CURRENT_LIST_DIR})
# Whoever builds and ships the packages: set it to a real contact (-DKIOSK_PACKAGE_MAINTAINER=...).
set(KIOSK_PACKAGE_MAINTAINER "Glow Up kiosk maintainers <kiosk@example.org>"
    CACHE STRING "Maintainer field of the Debian packages")

# kiosk_package_docs(COMPONENT PACKAGE): copyright, a compressed changelog and the README (the clinic's
# installation guide) in /usr/share/doc/PACKAGE, as Debian policy wants.
function(kiosk_package_docs component package)
  set(PACKAGE ${package})
  set(VERSION ${PROJECT_VERSION})
  set(MAINTAINER ${KIOSK_PACKAGE_MAINTAINER})
  set(out ${PROJECT_BINARY_DIR}/deploy/${package})
  configure_file(${KIOSK_DEPLOY_DIR}/debian/copyright.in ${out}/copyright @ONLY)
  configure_file(${KIOSK_DEPLOY_DIR}/debian/changelog.in ${out}/changelog @ONLY)
  # -n: no name or timestamp inside, so the package is reproducible (and lintian is content)
  execute_process(COMMAND gzip -n -9 -f -k ${out}/changelog COMMAND_ERROR_IS_FATAL ANY)
  install(FILES ${out}/copyright ${out}/changelog.gz ${PROJECT_SOURCE_DIR}/README.md
          DESTINATION share/doc/${package} COMPONENT ${component})
endfunction()

# The kiosk
install(TARGETS kiosk kiosk-sender RUNTIME DESTINATION bin COMPONENT kiosk)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/content/ DESTINATION share/${KIOSK_PACKAGE}/content COMPONENT kiosk)
# The clinic's logo sits beside kiosk.json (theme.logo names it): a conffile, so a clinic's own logo survives upgrades.
install(FILES ${PROJECT_SOURCE_DIR}/config/kiosk.json ${PROJECT_SOURCE_DIR}/config/logo.png DESTINATION /etc/${KIOSK_PACKAGE}
        COMPONENT kiosk)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/config/examples/ DESTINATION share/doc/${KIOSK_PACKAGE}/examples
        COMPONENT kiosk)
install(FILES ${KIOSK_DEPLOY_DIR}/etc/default-glowup-kiosk DESTINATION /etc/default RENAME ${KIOSK_PACKAGE}
        COMPONENT kiosk)
install(FILES ${KIOSK_DEPLOY_DIR}/systemd/glowup-kiosk.service ${KIOSK_DEPLOY_DIR}/systemd/glowup-kiosk-sender.service
        DESTINATION lib/systemd/system COMPONENT kiosk)
kiosk_package_docs(kiosk ${KIOSK_PACKAGE})

set(CPACK_COMPONENTS_ALL kiosk)
set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME ${KIOSK_PACKAGE})
# cage 0.1.4 (Debian 12) refuses to start without Xwayland, though it does not depend on it. seatd gives the
# UI service its seat (screen and input devices), procps its pkill (see deploy/systemd/glowup-kiosk.service).
# libespeak-ng1 and its voices: speech, opened with dlopen at first use (so no shlibdeps finds it).
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS
    "cage, xwayland, seatd, procps, fonts-noto-core, adduser, systemd, libespeak-ng1, espeak-ng-data")
# Noto Sans has no Chinese, Japanese or Korean: content that declares zh, ja or ko is drawn with Noto Sans
# CJK (found by its path in fonts-noto-cjk). A recommendation, not a dependency: most clinics never need its
# 100 MB, and apt installs it by default.
set(CPACK_DEBIAN_KIOSK_PACKAGE_RECOMMENDS "fonts-noto-cjk")
# CPack indents the continuation lines of a DESCRIPTION itself (a line "." separates paragraphs).
set(CPACK_COMPONENT_KIOSK_DESCRIPTION "touchscreen intake kiosk for a skin clinic's waiting room
A fullscreen touchscreen app where walk-in clients answer the clinic's intake
questionnaire, read what to expect, and sign their consent. Each completed
intake is kept in a local outbox until the sender service has delivered it,
signed, to the clinic's endpoint over HTTPS.
.
The package starts the kiosk at boot under the cage compositor on tty1, as
its own system user, with a systemd watchdog, and runs the sender as a
separate service.")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA
    "${KIOSK_DEPLOY_DIR}/debian/kiosk/conffiles;${KIOSK_DEPLOY_DIR}/debian/kiosk/postinst;${KIOSK_DEPLOY_DIR}/debian/kiosk/prerm;${KIOSK_DEPLOY_DIR}/debian/kiosk/postrm")

# The intake inbox (kiosk/inbox, binary intake-inbox), when it is part of this build.
if(TARGET intake-inbox)
  set(INBOX_PACKAGE ${KIOSK_PACKAGE}-inbox)
  install(TARGETS intake-inbox RUNTIME DESTINATION bin COMPONENT inbox)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/content/ DESTINATION share/${INBOX_PACKAGE}/content COMPONENT inbox)
  install(FILES ${KIOSK_DEPLOY_DIR}/systemd/glowup-kiosk-inbox.service DESTINATION lib/systemd/system
          COMPONENT inbox)
  # nginx in front (README "Intake inbox"): not enabled, it needs the clinic's certificate first.
  install(FILES ${KIOSK_DEPLOY_DIR}/nginx/glowup-kiosk-inbox.conf DESTINATION /etc/nginx/sites-available
          RENAME ${INBOX_PACKAGE} COMPONENT inbox)
  # No inbox.json in /etc (it needs the clinic's certificate and secrets): these examples are the start of
  # one, on SQLite or on PostgreSQL (README "Running it on PostgreSQL").
  install(FILES ${PROJECT_SOURCE_DIR}/config/examples/inbox/inbox.json
                ${PROJECT_SOURCE_DIR}/config/examples/inbox/inbox-postgresql.json
          DESTINATION share/doc/${INBOX_PACKAGE}/examples COMPONENT inbox)
  set(inbox_conffiles "/etc/nginx/sites-available/${INBOX_PACKAGE}\n")
  if(EXISTS ${PROJECT_SOURCE_DIR}/config/inbox.json)
    install(FILES ${PROJECT_SOURCE_DIR}/config/inbox.json DESTINATION /etc/${INBOX_PACKAGE} COMPONENT inbox)
    string(APPEND inbox_conffiles "/etc/${INBOX_PACKAGE}/inbox.json\n")  # beside the nginx site, not instead
  endif()
  file(WRITE ${PROJECT_BINARY_DIR}/deploy/${INBOX_PACKAGE}/conffiles "${inbox_conffiles}")
  kiosk_package_docs(inbox ${INBOX_PACKAGE})
  list(APPEND CPACK_COMPONENTS_ALL inbox)
  set(CPACK_DEBIAN_INBOX_PACKAGE_NAME ${INBOX_PACKAGE})
  set(CPACK_DEBIAN_INBOX_PACKAGE_DEPENDS "adduser, systemd, nginx")
  set(CPACK_COMPONENT_INBOX_DESCRIPTION "intake inbox: receives kiosk intakes, staff review them in a browser
The reference clinic endpoint for the Glow Up intake kiosk. It receives
signed intakes over HTTPS, stores each exactly once, and gives staff a review
page in the browser with the screening flags first. nginx holds the clients
(TLS, timeouts, limits) and hands the inbox whole requests on a unix socket.")
  set(inbox_extra ${KIOSK_DEPLOY_DIR}/debian/inbox/postinst ${KIOSK_DEPLOY_DIR}/debian/inbox/prerm
                  ${KIOSK_DEPLOY_DIR}/debian/inbox/postrm)
  if(inbox_conffiles)
    list(APPEND inbox_extra ${PROJECT_BINARY_DIR}/deploy/${INBOX_PACKAGE}/conffiles)
  endif()
  set(CPACK_DEBIAN_INBOX_PACKAGE_CONTROL_EXTRA "${inbox_extra}")
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ${KIOSK_PACKAGE})
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${KIOSK_PACKAGE_MAINTAINER})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/packages)
include(CPack)
