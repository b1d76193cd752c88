// gfx/unit_shapes.hpp: the unit solids that equipment and markers are drawn from (ShapeDraw), placed by their
// transform: a cylinder of radius 1 from y = -1 to 1 (banded in its vertex colours, so rolling shows), a sphere of
// radius 1, a box from -1 to 1. Outward normals, counter-clockwise front faces.
#pragma once

#include "scene/model.hpp"

namespace myo::gfx {

scene::Primitive unitCylinder(int segments);
scene::Primitive unitSphere(int rings, int segments);
scene::Primitive unitBox();

}  // namespace myo::gfx
