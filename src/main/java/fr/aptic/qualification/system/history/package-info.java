/** What the engine's history records: {@link fr.aptic.qualification.system.history.LeanHistoryLevel}. */
package fr.aptic.qualification.system.history;
