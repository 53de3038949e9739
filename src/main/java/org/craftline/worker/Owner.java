package org.craftline.worker;

/**
 * What a write needs of the worker it is for: the id its rows hold and the handle its answer
 * shows. A {@link Worker} is one; {@link Workers#writeOwner} makes one from a worker token's caller
 * without reading the worker again.
 */
public interface Owner {

    long id();

    String handle();
}
