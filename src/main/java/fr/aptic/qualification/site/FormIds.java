package fr.aptic.qualification.site;

/** For the templates: the element id of a field path ({@code places[0].name} → {@code places-0-name}). */
public final class FormIds {

    public String of(String field) {
        return FormErrors.id(field);
    }

    /** The path of a place's field: {@code place(0, 'name')} → {@code places[0].name}. */
    public String place(int index, String field) {
        return "places[" + index + "]." + field;
    }
}
