/** Fast mass loading of rows (generators, imports): LOAD DATA LOCAL from memory, or multi-row INSERT. */
@org.springframework.modulith.NamedInterface("jdbc")
package io.escalera.shared.jdbc;
