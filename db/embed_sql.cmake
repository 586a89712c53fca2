# Turns schema.sql into a C++ raw string so the binary carries its own schema.
file(READ ${IN} sql)
get_filename_component(dir ${OUT} DIRECTORY)
file(MAKE_DIRECTORY ${dir})
file(WRITE ${OUT} "// Generated from db/schema.sql; do not edit.\n#pragma once\nnamespace tradecheck::db {\ninline constexpr const char* schema_sql = R\"tcsql(${sql})tcsql\";\n}\n")
