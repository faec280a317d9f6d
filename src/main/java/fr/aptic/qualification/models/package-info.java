/** Deploying the BPMN, DMN and form models of {@code bpmn/}, {@code dmn/} and {@code forms/}, and watching them. */
package fr.aptic.qualification.models;
