package org.hulul.framework;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The form that edits one indicator of a draft. A mutable bean because Spring binds forms
 * to one; translations of guidance, numerator and denominator are kept as they are.
 */
public class IndicatorForm {

	private String nameEn = "";

	private @Nullable String nameAr;

	private @Nullable String nameCkb;

	private String unitEn = "";

	private @Nullable String unitAr;

	private @Nullable String unitCkb;

	private String guidanceEn = "";

	private boolean guidanceIncomplete;

	private @Nullable ValueType valueType;

	private @Nullable Aggregation aggregation;

	private @Nullable String numeratorEn;

	private @Nullable String denominatorEn;

	private List<String> disaggregations = new ArrayList<>();

	private int lowestLevel = 3;

	private int iascCriterion = 1;

	private int version;

	static IndicatorForm of(FrameworkDefinition.Indicator i, int version) {
		IndicatorForm form = new IndicatorForm();
		form.nameEn = i.name().en();
		form.nameAr = i.name().ar();
		form.nameCkb = i.name().ckb();
		form.unitEn = i.unit().en();
		form.unitAr = i.unit().ar();
		form.unitCkb = i.unit().ckb();
		form.guidanceEn = (i.guidance() != null) ? i.guidance().en() : "";
		form.guidanceIncomplete = i.incompleteGuidance();
		form.valueType = i.valueType();
		form.aggregation = i.aggregation();
		form.numeratorEn = (i.numerator() != null) ? i.numerator().en() : null;
		form.denominatorEn = (i.denominator() != null) ? i.denominator().en() : null;
		form.disaggregations = new ArrayList<>(i.disaggregations());
		form.lowestLevel = i.lowestLevel();
		form.iascCriterion = i.iascCriterion();
		form.version = version;
		return form;
	}

	/**
	 * The indicator as edited; what the form does not show is taken from {@code before}.
	 */
	FrameworkDefinition.Indicator toIndicator(FrameworkDefinition.Indicator before) {
		return new FrameworkDefinition.Indicator(before.code(),
				new Text(this.nameEn.strip(), blank(this.nameAr), blank(this.nameCkb)),
				new Text(this.unitEn.strip(), blank(this.unitAr), blank(this.unitCkb)),
				this.guidanceEn.isBlank() ? null
						: new Text(this.guidanceEn.strip(), (before.guidance() != null) ? before.guidance().ar() : null,
								(before.guidance() != null) ? before.guidance().ckb() : null),
				this.guidanceIncomplete ? Boolean.TRUE : null, this.valueType, this.aggregation,
				text(this.numeratorEn, before.numerator()), text(this.denominatorEn, before.denominator()),
				this.disaggregations, this.lowestLevel, this.iascCriterion, before.note());
	}

	private static @Nullable Text text(@Nullable String english, @Nullable Text before) {
		if (english == null || english.isBlank()) {
			return null;
		}
		return new Text(english.strip(), (before != null) ? before.ar() : null, (before != null) ? before.ckb() : null);
	}

	private static @Nullable String blank(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public void setNameEn(String nameEn) {
		this.nameEn = nameEn;
	}

	public @Nullable String getNameAr() {
		return this.nameAr;
	}

	public void setNameAr(@Nullable String nameAr) {
		this.nameAr = nameAr;
	}

	public @Nullable String getNameCkb() {
		return this.nameCkb;
	}

	public void setNameCkb(@Nullable String nameCkb) {
		this.nameCkb = nameCkb;
	}

	public String getUnitEn() {
		return this.unitEn;
	}

	public void setUnitEn(String unitEn) {
		this.unitEn = unitEn;
	}

	public @Nullable String getUnitAr() {
		return this.unitAr;
	}

	public void setUnitAr(@Nullable String unitAr) {
		this.unitAr = unitAr;
	}

	public @Nullable String getUnitCkb() {
		return this.unitCkb;
	}

	public void setUnitCkb(@Nullable String unitCkb) {
		this.unitCkb = unitCkb;
	}

	public String getGuidanceEn() {
		return this.guidanceEn;
	}

	public void setGuidanceEn(String guidanceEn) {
		this.guidanceEn = guidanceEn;
	}

	public boolean isGuidanceIncomplete() {
		return this.guidanceIncomplete;
	}

	public void setGuidanceIncomplete(boolean guidanceIncomplete) {
		this.guidanceIncomplete = guidanceIncomplete;
	}

	public @Nullable ValueType getValueType() {
		return this.valueType;
	}

	public void setValueType(@Nullable ValueType valueType) {
		this.valueType = valueType;
	}

	public @Nullable Aggregation getAggregation() {
		return this.aggregation;
	}

	public void setAggregation(@Nullable Aggregation aggregation) {
		this.aggregation = aggregation;
	}

	public @Nullable String getNumeratorEn() {
		return this.numeratorEn;
	}

	public void setNumeratorEn(@Nullable String numeratorEn) {
		this.numeratorEn = numeratorEn;
	}

	public @Nullable String getDenominatorEn() {
		return this.denominatorEn;
	}

	public void setDenominatorEn(@Nullable String denominatorEn) {
		this.denominatorEn = denominatorEn;
	}

	public List<String> getDisaggregations() {
		return this.disaggregations;
	}

	public void setDisaggregations(@Nullable List<String> disaggregations) {
		this.disaggregations = (disaggregations != null) ? disaggregations : new ArrayList<>();
	}

	public int getLowestLevel() {
		return this.lowestLevel;
	}

	public void setLowestLevel(int lowestLevel) {
		this.lowestLevel = lowestLevel;
	}

	public int getIascCriterion() {
		return this.iascCriterion;
	}

	public void setIascCriterion(int iascCriterion) {
		this.iascCriterion = iascCriterion;
	}

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
