package org.hulul.organisations;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The organisation form. A mutable bean because Spring binds forms to one.
 */
public class OrganisationForm {

	private @Nullable String code;

	private @Nullable String nameEn;

	private @Nullable String nameAr;

	private @Nullable OrganisationType type;

	private Set<Programming> programming = EnumSet.noneOf(Programming.class);

	private int version;

	static OrganisationForm of(Organisation o) {
		OrganisationForm form = new OrganisationForm();
		form.code = o.code();
		form.nameEn = o.nameEn();
		form.nameAr = o.nameAr();
		form.type = o.type();
		form.programming = o.programming().isEmpty() ? EnumSet.noneOf(Programming.class)
				: EnumSet.copyOf(o.programming());
		form.version = o.version();
		return form;
	}

	OrganisationDetails toDetails() {
		return new OrganisationDetails(this.code, this.nameEn, this.nameAr, this.type, this.programming);
	}

	public @Nullable String getCode() {
		return this.code;
	}

	public void setCode(@Nullable String code) {
		this.code = code;
	}

	public @Nullable String getNameEn() {
		return this.nameEn;
	}

	public void setNameEn(@Nullable String nameEn) {
		this.nameEn = nameEn;
	}

	public @Nullable String getNameAr() {
		return this.nameAr;
	}

	public void setNameAr(@Nullable String nameAr) {
		this.nameAr = nameAr;
	}

	public @Nullable OrganisationType getType() {
		return this.type;
	}

	public void setType(@Nullable OrganisationType type) {
		this.type = type;
	}

	public Set<Programming> getProgramming() {
		return this.programming;
	}

	public void setProgramming(@Nullable Set<Programming> programming) {
		this.programming = (programming != null) ? programming : EnumSet.noneOf(Programming.class);
	}

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
