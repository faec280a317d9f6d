/** The OpenAPI document of the public API ({@code /v3/api-docs}, Swagger UI), checked against the contract. */
package fr.aptic.qualification.openapi;
