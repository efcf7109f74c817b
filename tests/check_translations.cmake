# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when translations/lede_en.ts is not current: runs lupdate (same options as the
# lede_ui_lupdate target) on a copy and compares. Fix with: cmake --build build -t lede_ui_lupdate
# Variables: LUPDATE, TS_FILE, SOURCES_LIST, WORK_DIR.
file(MAKE_DIRECTORY ${WORK_DIR})
set(copy ${WORK_DIR}/lede_en.ts)
file(COPY_FILE ${TS_FILE} ${copy})
execute_process(COMMAND ${LUPDATE} -pluralonly -locations none -no-obsolete -silent @${SOURCES_LIST} -ts ${copy}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${rc})")
endif()
file(READ ${TS_FILE} committed)
file(READ ${copy} fresh)
if(NOT committed STREQUAL fresh)
    message(FATAL_ERROR "translations/lede_en.ts is out of date: run `cmake --build <build> -t lede_ui_lupdate`, "
                        "fill in the new plural forms and commit it")
endif()
