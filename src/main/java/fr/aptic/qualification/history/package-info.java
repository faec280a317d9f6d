/** What the engine's history records: {@link fr.aptic.qualification.history.LeanHistoryLevel}. */
package fr.aptic.qualification.history;
