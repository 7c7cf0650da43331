#include "shapes.h"

#include <utility>

namespace demo {

Shape::Shape(std::string name) : name_(std::move(name)) {}
Shape::~Shape() {}

Circle::Circle(double radius) : Shape("circle"), radius_(radius) {}
double Circle::area() const { return 3.0 * radius_ * radius_; }

Square::Square(double side) : Shape("square"), side_(side) {}
double Square::area() const { return side_ * side_; }

}  // namespace demo
