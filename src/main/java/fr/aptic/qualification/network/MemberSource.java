package fr.aptic.qualification.network;

import java.io.Closeable;
import java.io.IOException;

/**
 * The members of a batch, read one at a time from the request body (CSV or JSON), validated like free
 * applications. Never holds more than one member: memory stays bounded whatever the batch's length.
 */
interface MemberSource extends Closeable {

    /** The next member, or {@code null} at the end. */
    MemberRow next() throws IOException;

    /** CSV or JSON, as the batch records it. */
    String format();
}
