package io.escalera.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Locale;

/** What an ADMIN types to create or edit a unit. */
public class UnitForm {

    @NotBlank
    @Size(max = 30)
    @Pattern(regexp = "[A-Za-z0-9_-]+")
    private String code;

    @NotBlank
    @Size(max = 120)
    private String name;

    @NotNull
    private UnitKind kind = UnitKind.STORE;

    private Long parentId;

    private long version;

    public static UnitForm of(Unit unit) {
        UnitForm form = new UnitForm();
        form.code = unit.code();
        form.name = unit.name();
        form.kind = unit.kind();
        form.parentId = unit.parentId();
        form.version = unit.version();
        return form;
    }

    public static UnitForm of(String code, String name, UnitKind kind, Long parentId) {
        UnitForm form = new UnitForm();
        form.setCode(code);
        form.setName(name);
        form.setKind(kind);
        form.setParentId(parentId);
        return form;
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code == null ? null : code.trim().toUpperCase(Locale.ROOT); }
    public String getName() { return name; }
    public void setName(String name) { this.name = name == null ? null : name.trim(); }
    public UnitKind getKind() { return kind; }
    public void setKind(UnitKind kind) { this.kind = kind; }
    public Long getParentId() { return parentId; }
    public void setParentId(Long parentId) { this.parentId = parentId; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
