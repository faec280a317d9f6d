package fr.aptic.qualification.application;

/** The three ways to qualification. */
public enum QualificationPath {
    FREE,
    TERRITORIAL,
    NETWORK
}
