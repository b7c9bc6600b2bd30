/**
 * What every module's bulk import shares: the contract the file import drives (stage, check, commit, report), its
 * summary and rejected rows, and the staging-table SQL.
 */
@org.springframework.modulith.NamedInterface("imports")
package io.escalera.shared.imports;
